import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { temporaryFolder } from "../helpers.js";
import { CLI, writeFile } from "./support.js";

/**
 * run.json's peak memory is the run's own. On Linux a process's peak as getrusage gives it carries
 * over exec, so a run started by a process holding much memory used to report that process's size.
 */
test("a run started by a process holding 400 MB reports its own peak memory", () => {
  const input = temporaryFolder();
  const output = temporaryFolder();
  writeFile(join(input, "a.txt"), "Le ministre des Armées a reçu à Paris le secrétaire général de l'OTAN.\n");
  const ballast = Buffer.alloc(400 * 1024 * 1024, 1);
  const parentMb = process.memoryUsage().rss / (1024 * 1024);
  expect(parentMb).toBeGreaterThan(400);
  const child = spawnSync(process.execPath, [CLI, "--input", input, "--output", output, "--formats", "csv", "--quiet", "--no-model", "--jobs", "1"]);
  expect(child.status).toBe(0);
  const { peakRssMb } = JSON.parse(readFileSync(join(output, "run.json"), "utf8")) as { peakRssMb: number };
  expect(peakRssMb).toBeGreaterThan(10);
  expect(peakRssMb).toBeLessThan(parentMb / 2);
  expect(ballast[ballast.length - 1]).toBe(1);
});
