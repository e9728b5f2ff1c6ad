import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runPipeline } from "../../pipeline/run.js";
import { JOURNAL_FILE, recoverCommit } from "../../pipeline/state/commit.js";
import { LOCK_FILE, OutputBusyError } from "../../pipeline/state/lock.js";
import { readTable, temporaryFolder } from "../helpers.js";
import { CLI, inconsistencies, run, snapshot, TABLES, tablesWithoutIds, writeCorpus, writeFile } from "./support.js";

const cliArgs = (input: string, output: string) => [CLI, "--input", input, "--output", output, "--formats", "csv", "--no-model", "--quiet", "--jobs", "1"];
const runCli = (input: string, output: string) => spawnSync(process.execPath, cliArgs(input, output), { encoding: "utf8" });
/** Temporary files a run leaves beside the tables (`.NAME.PID.tmp`). */
const debris = (output: string) => [...readdirSync(output), ...readdirSync(join(output, ".state"))].filter((name) => name.endsWith(".tmp"));
/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;

describe("the lock on the output folder", () => {
  const input = temporaryFolder();
  beforeAll(() => writeCorpus(input, 0, 3));

  test("a second run while one holds the folder exits at once with code 3 and says why", () => {
    const output = temporaryFolder();
    writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
    const result = runCli(input, output);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain(`another run (pid ${process.pid}) is writing to`);
    expect(existsSync(join(output, "articles.csv"))).toBe(false);
    expect(existsSync(join(output, LOCK_FILE))).toBe(true);
  });

  test("runPipeline refuses the same way, with OutputBusyError", async () => {
    const output = temporaryFolder();
    writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname() }));
    await expect(run(input, output)).rejects.toBeInstanceOf(OutputBusyError);
  });

  test("a lock left by a killed run is taken over with a warning, and released at the end", async () => {
    const output = temporaryFolder();
    writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: Number(deadPid()), host: hostname(), started: "2020-01-01T00:00:00Z" }));
    const { warnings } = await run(input, output);
    expect(warnings).toEqual([expect.stringMatching(/taking over a stale lock/)]);
    expect(readTable(output, "articles.csv")).toHaveLength(3);
    expect(existsSync(join(output, LOCK_FILE))).toBe(false);
  });

  test("a damaged lock file (empty, or not JSON) is taken over too, and creating the lock leaves no temporary file", async () => {
    for (const damaged of ["", "{\"pid\":"]) {
      const output = temporaryFolder();
      writeFileSync(join(output, LOCK_FILE), damaged);
      const { warnings } = await run(input, output);
      expect(warnings).toEqual([expect.stringMatching(/taking over a stale lock/)]);
      expect(readdirSync(output).filter((name) => name.startsWith(".lock"))).toEqual([]);
    }
  });
});

describe("a commit interrupted between its renames", () => {
  test("is rolled forward by the next run's recovery: every file of the new set, debris gone", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    writeCorpus(input, 0, 4);
    await run(input, output);
    const before = snapshot(output);
    writeCorpus(input, 4, 6);
    const after = temporaryFolder();
    cpSync(output, after, { recursive: true });
    await run(input, after);
    const published = snapshot(after);
    // The state a kill leaves after the journal was written and three of the renames were done.
    const staged = TABLES.map((name) => ({ temporary: join(output, `.${name}.99999.tmp`), target: join(output, name) }));
    staged.forEach(({ temporary }, i) => writeFileSync(temporary, readFileSync(join(after, TABLES[i]))));
    writeFileSync(join(output, JOURNAL_FILE), JSON.stringify(staged));
    writeFileSync(join(output, ".stray.csv.12345.tmp"), "half-written");
    for (const { temporary, target } of staged.slice(0, 3)) renameSync(temporary, target);
    expect(snapshot(output)).not.toEqual(before);
    expect(recoverCommit(output, [output, join(output, ".state")])).toBe(true);
    expect(snapshot(output)).toEqual(published);
    expect(existsSync(join(output, JOURNAL_FILE))).toBe(false);
    expect(debris(output)).toEqual([]);
  });

  test("an unreadable journal finishes nothing and does not stop the run", async () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    writeCorpus(input, 0, 2);
    writeFileSync(join(output, JOURNAL_FILE), "{");
    const summary = await runPipeline({ inputDir: input, outputDir: output, formats: ["csv"], useModel: false, warn: () => {} });
    expect(summary.articles.extracted).toBe(2);
    expect(inconsistencies(output)).toEqual([]);
  });
});

/**
 * Kills the CLI (SIGKILL) at several moments of a long run: at start, during extraction, while the
 * tables are written, at the commit, at the end. After each kill, the tables on disk must be the
 * previous complete set or the new one, consistent with each other (when the kill left a commit
 * journal, after the recovery the next run starts with), and the next run must succeed and write
 * the tables of an uninterrupted run.
 */
describe("a run killed at any moment", () => {
  const input = temporaryFolder();
  const base = temporaryFolder();
  const reference = temporaryFolder();
  let previous: Record<string, unknown>;
  let next: Record<string, unknown>;
  let duration = 0;
  const recovered: string[] = [];

  beforeAll(() => {
    writeCorpus(input, 0, 500);
    expect(runCli(input, base).status).toBe(0);
    previous = snapshot(base);
    writeCorpus(input, 500, 550);
    for (const i of [3, 150, 420]) rmSync(join(input, `d${Math.floor(i / 100)}`, `${String(i).padStart(4, "0")}.txt`));
    writeFile(join(input, "d1", "0101.txt"), "Le ministre Nasser Bourita a reçu mardi à Rabat l'ambassadeur Nathan Sales.\n");
    cpSync(base, reference, { recursive: true });
    const start = performance.now();
    expect(runCli(input, reference).status).toBe(0);
    duration = performance.now() - start;
    next = snapshot(reference);
  }, 300_000);

  afterAll(() => {
    // Says which kills left a commit half done, so that a reader knows the journal path was taken.
    console.log(`killed runs that needed the commit recovery: ${recovered.length ? recovered.join(", ") : "none this time (the unit test above covers it)"}`);
  });

  const exists = (output: string, pattern: RegExp, folder = "") => () => readdirSync(join(output, folder)).some((name) => pattern.test(name));
  const moments: [string, (output: string) => () => boolean][] = [
    ["as soon as it holds the lock", (o) => () => existsSync(join(o, LOCK_FILE))],
    ["while extracting (index being written)", (o) => exists(o, /^\.articles\.jsonl\.\d+\.tmp$/, ".state")],
    ["at half a run", () => after(0.5)],
    ["while mentions.csv is written", (o) => exists(o, /^\.mentions\.csv\.\d+\.tmp$/)],
    ["when articles.csv is staged", (o) => exists(o, /^\.articles\.csv\.\d+\.tmp$/)],
    ["when the commit journal appears", (o) => () => existsSync(join(o, JOURNAL_FILE))],
    ["at the usual end of a run", () => after(0.98)],
  ];
  function after(share: number): () => boolean {
    const at = performance.now() + share * duration;
    return () => performance.now() >= at;
  }

  test("a second CLI started while one runs exits at once with code 3; the first completes", async () => {
    const output = temporaryFolder();
    cpSync(base, output, { recursive: true });
    const first = spawn(process.execPath, cliArgs(input, output), { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => first.on("exit", resolve));
    while (!existsSync(join(output, LOCK_FILE))) await sleep(1);
    // Paused, the first run holds the lock for as long as the second takes to start.
    first.kill("SIGSTOP");
    const second = runCli(input, output);
    first.kill("SIGCONT");
    expect(second.status).toBe(3);
    expect(second.stderr).toContain(`another run (pid ${first.pid}) is writing to ${output}; wait for it to finish`);
    expect(await exited).toBe(0);
    expect(snapshot(output)).toEqual(next);
  });

  test.each(moments)("killed %s, it leaves a complete consistent set and the next run succeeds", async (moment, when) => {
    const output = temporaryFolder();
    cpSync(base, output, { recursive: true });
    const child = spawn(process.execPath, cliArgs(input, output), { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const ready = when(output);
    let done = false;
    void exited.then(() => (done = true));
    while (!done && !ready()) await sleep(1);
    child.kill("SIGKILL");
    await exited;

    if (existsSync(join(output, JOURNAL_FILE))) {
      recovered.push(moment);
      expect(recoverCommit(output, [output, join(output, ".state")])).toBe(true);
    }
    const onDisk = snapshot(output);
    expect(onDisk).toEqual(onDisk["articles.csv"] === next["articles.csv"] ? next : previous);
    expect(inconsistencies(output)).toEqual([]);

    const rerun = runCli(input, output);
    expect(rerun.status).toBe(0);
    expect(inconsistencies(output)).toEqual([]);
    expect(tablesWithoutIds(output)).toEqual(tablesWithoutIds(reference));
    expect(snapshot(output)["entities.csv"]).toBe(next["entities.csv"]);
    expect(debris(output)).toEqual([]);
    expect(existsSync(join(output, LOCK_FILE))).toBe(false);
  });
});
