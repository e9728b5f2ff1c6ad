import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { readArticle } from "../../src/1-read/read-file.js";
import { readTable, ROOT, SAMPLE_CORPUS, temporaryFolder } from "../helpers.js";
import { CLI, run, writeFile } from "./support.js";

const FRENCH =
  "Le ministre des Affaires étrangères, Nasser Bourita, a reçu mercredi à Genève l’ambassadeur américain Nathan Sales. " +
  "« Notre cœur est à la coopération », a déclaré M. Sales, qui a salué l’engagement du Maroc contre le terrorisme.\n\n" +
  "Les deux responsables ont évoqué la mise en œuvre de la résolution 2396 du Conseil de sécurité.\n";
const ENGLISH = "The United Nations Security Council met on Monday in New York to discuss the situation in Syria, the spokesman of the Secretary-General said. The members of the council called for a ceasefire and for humanitarian access to the besieged towns in the north of the country.";
const SPANISH = "El Consejo de Seguridad de las Naciones Unidas se reunió el lunes en Nueva York para discutir la situación en Siria, según el portavoz del secretario general. Los miembros del consejo pidieron un alto el fuego y el acceso humanitario a las ciudades sitiadas.";
const ARABIC = "اجتمع مجلس الأمن التابع للأمم المتحدة يوم الاثنين في نيويورك لمناقشة الوضع في سوريا، وفقا للمتحدث باسم الأمين العام. ودعا أعضاء المجلس إلى وقف إطلاق النار وإلى وصول المساعدات الإنسانية إلى البلدات المحاصرة.";
const HTML = `<!DOCTYPE html><html><head><title>Actualités</title><style>body { font-family: "Angela Merkel"; }</style>
<script>var author = "Emmanuel Macron"; if (a < b && c > d) track("Organisation mondiale de la santé");</script></head>
<body><nav><a href="/">Accueil</a> | <a href="/onu">Organisation des Nations unies</a></nav><header>Le Quotidien &mdash; International</header>
<article><h1>Visite à Rabat</h1><p>Le ministre des Affaires &eacute;trang&egrave;res Nasser Bourita a re&ccedil;u mardi &agrave; Rabat l'ambassadeur Nathan Sales.</p>
<p>Ils ont &eacute;voqu&eacute; la r&eacute;solution 2396 du Conseil de s&eacute;curit&eacute;.</p></article>
<footer>© 2024 Le Quotidien. <a href="/cgu">Conditions</a></footer><script>console.log("Angela Merkel")</script></body></html>
`;
const SAMPLE = readFileSync(join(SAMPLE_CORPUS, "004_8235a98fed0861c7.txt"), "utf8");
const OUTSIDE_TEXT = "Le chef de la diplomatie européenne Josep Borrell a rencontré lundi à Bruxelles le ministre Nasser Bourita.";

/** Each file of the odd corpus, and how to get back the text its offsets refer to. */
const FILES: Record<string, { bytes: Buffer | string; original?: (bytes: Buffer) => string }> = {
  "empty.txt": { bytes: "" },
  "blank.txt": { bytes: "  \r\n\t\n   \n\u00a0\n" },
  "image.txt": { bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from("IHDR"), Buffer.alloc(200, 7)]) },
  "document.txt": { bytes: Buffer.concat([Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n", "latin1"), Buffer.alloc(300, 0)]) },
  "archive.txt": { bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.from("article.txt"), Buffer.alloc(100, 1)]) },
  "windows-1252.txt": { bytes: iconv.encode(FRENCH, "windows-1252"), original: (b) => iconv.decode(b, "windows-1252") },
  "utf-16.txt": { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, "utf16le")]), original: (b) => b.subarray(2).toString("utf16le") },
  "utf-8-bom.txt": { bytes: "\ufeff" + FRENCH, original: (b) => b.subarray(3).toString("utf8") },
  "crlf.txt": { bytes: FRENCH.replace(/\n/g, "\r\n"), original: (b) => b.toString("utf8") },
  "page.html": { bytes: HTML, original: (b) => b.toString("utf8") },
  "nul.txt": { bytes: SAMPLE.replace(" du genre ", " du\u0000genre "), original: (b) => b.toString("utf8") },
  "brief.txt": { bytes: "Le ministre Nasser Bourita a reçu mardi à Rabat son homologue espagnol.\n", original: (b) => b.toString("utf8") },
  "english.txt": { bytes: ENGLISH },
  "spanish.txt": { bytes: SPANISH },
  "arabic.txt": { bytes: ARABIC },
  "a/b/c/deep.txt": { bytes: SAMPLE, original: (b) => b.toString("utf8") },
  "folder.txt/inside.txt": { bytes: FRENCH, original: (b) => b.toString("utf8") },
  "photo.jpg": { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
  "good.txt": { bytes: SAMPLE, original: (b) => b.toString("utf8") },
};

describe("odd and hostile input files", () => {
  const input = temporaryFolder();
  const outside = temporaryFolder();
  const output = temporaryFolder();
  let rows: Map<string, Record<string, string>>;
  let mentions: Record<string, string>[];
  let entities: Record<string, string>[];

  beforeAll(async () => {
    for (const [path, { bytes }] of Object.entries(FILES)) writeFile(join(input, path), bytes);
    writeFile(join(outside, "secret.txt"), OUTSIDE_TEXT);
    symlinkSync("self.txt", join(input, "self.txt"));
    symlinkSync(join(outside, "secret.txt"), join(input, "outside.txt"));
    symlinkSync(outside, join(input, "outside-folder"));
    await run(input, output);
    rows = new Map(readTable(output, "articles.csv").map((row) => [row.source_path, row]));
    mentions = readTable(output, "mentions.csv");
    entities = readTable(output, "entities.csv");
  });

  const row = (path: string) => rows.get(path)!;
  const entitiesOf = (path: string) => {
    const id = row(path).article_id;
    const ids = new Set(mentions.filter((m) => m.article_id === id).map((m) => m.entity_id));
    return entities.filter((e) => ids.has(e.entity_id)).map((e) => e.canonical_name);
  };

  test("every file, folder entry and link has exactly one row", () => {
    const expected = [...Object.keys(FILES), "self.txt", "outside.txt", "outside-folder"].sort();
    expect([...rows.keys()].sort()).toEqual(expected);
    expect(readTable(output, "articles.csv")).toHaveLength(expected.length);
  });

  test.each([
    ["empty.txt", /^empty file$/],
    ["blank.txt", /^empty after cleaning$/],
    ["image.txt", /^not text: binary content$/],
    ["document.txt", /^not text: binary content$/],
    ["archive.txt", /^not text: binary content$/],
    ["english.txt", /^not French: eng$/],
    ["spanish.txt", /^not French: spa$/],
    ["arabic.txt", /^not French: arb$/],
    ["photo.jpg", /^unsupported file type: \.jpg$/],
    ["self.txt", /symbolic link/],
    ["outside.txt", /symbolic link to a file outside the input folder/],
    ["outside-folder", /symbolic link to a folder outside the input folder/],
  ])("%s is skipped with a reason (%s)", (path, reason) => {
    expect(row(path).status).toBe("skipped");
    expect(row(path).reason).toMatch(reason);
    expect(row(path).mention_count).toBe("0");
  });

  test("nothing is read through a link: the outside file's names appear nowhere", () => {
    expect(entities.map((e) => e.canonical_name)).not.toContain("Josep Borrell");
  });

  test.each(Object.entries(FILES).filter(([, file]) => file.original).map(([path]) => [path]))("%s is extracted, each mention at its offsets in the decoded original", (path) => {
    expect(row(path)).toMatchObject({ status: "extracted", reason: "", language: "fra" });
    const original = FILES[path].original!(readFileSync(join(input, path)));
    const own = mentions.filter((m) => m.article_id === row(path).article_id);
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBe(Number(row(path).mention_count));
    for (const m of own) expect(original.slice(Number(m.start), Number(m.end))).toBe(m.text);
  });

  test.each(["windows-1252.txt", "utf-16.txt", "utf-8-bom.txt", "crlf.txt", "folder.txt/inside.txt"])("%s yields the accented names of the text", (path) => {
    expect(entitiesOf(path)).toEqual(expect.arrayContaining(["Nasser Bourita", "Genève", "Nathan Sales", "Résolution 2396"]));
  });

  test("an HTML page yields the names of its article, none from scripts, styles, navigation or footer", () => {
    const names = entitiesOf("page.html");
    expect(names).toEqual(expect.arrayContaining(["Nasser Bourita", "Rabat", "Nathan Sales", "Résolution 2396"]));
    for (const hidden of ["Emmanuel Macron", "Angela Merkel", "Organisation mondiale de la santé", "Organisation des Nations unies", "Le Quotidien"]) expect(names).not.toContain(hidden);
  });

  test("a NUL byte inside good text costs nothing: the names are those of the clean text", () => {
    expect(readFileSync(join(input, "nul.txt")).includes(0)).toBe(true);
    expect(entitiesOf("nul.txt").sort()).toEqual(entitiesOf("good.txt").sort());
  });

  test("a one-sentence brief is French and extracted", () => {
    expect(entitiesOf("brief.txt")).toEqual(expect.arrayContaining(["Nasser Bourita", "Rabat"]));
  });

  test("files in nested folders and inside a folder named like a file keep their path as id", () => {
    expect(row("a/b/c/deep.txt").article_id).toBe("a/b/c/deep");
    expect(row("folder.txt/inside.txt").article_id).toBe("folder.txt/inside");
    expect(Number(row("a/b/c/deep.txt").mention_count)).toBe(Number(row("good.txt").mention_count));
  });
});

describe("a file that cannot be read", () => {
  test("readArticle turns the read error into a skipped article", () => {
    const denied = () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    const article = readArticle({ sourcePath: "locked.txt", articleId: "locked", absolutePath: "/nowhere/locked.txt" }, denied);
    expect(article).toMatchObject({ sha256: "", skipReason: "unreadable: EACCES" });
    expect(article.bytes).toBeUndefined();
  });

  const canSwitchUser = spawnSync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "true"]).status === 0;
  (canSwitchUser ? test : test.skip)("run by another user, the CLI reports an unreadable file and extracts the others", () => {
    const input = temporaryFolder();
    const output = temporaryFolder();
    writeFile(join(input, "locked.txt"), FRENCH);
    writeFile(join(input, "open.txt"), FRENCH);
    mkdirSync(join(input, "closed"));
    writeFile(join(input, "closed", "hidden.txt"), FRENCH);
    chmodSync(join(input, "locked.txt"), 0o000);
    chmodSync(join(input, "closed"), 0o000);
    chmodSync(input, 0o755);
    chmodSync(output, 0o777);
    execFileSync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", process.execPath, CLI, "--input", input, "--output", output, "--formats", "csv", "--no-model", "--quiet", "--jobs", "1"]);
    const byPath = new Map(readTable(output, "articles.csv").map((row) => [row.source_path, row]));
    expect(byPath.get("locked.txt")).toMatchObject({ status: "skipped", reason: "unreadable: EACCES" });
    expect(byPath.get("closed")).toMatchObject({ status: "skipped", reason: "unreadable folder: EACCES" });
    expect(byPath.get("open.txt")).toMatchObject({ status: "extracted" });
  });
});

describe("an output folder inside the input folder", () => {
  test("is not read as input: its tables never become articles, and a rerun reuses everything", async () => {
    const input = temporaryFolder();
    writeFile(join(input, "one.txt"), FRENCH);
    writeFile(join(input, "two.txt"), SAMPLE);
    const output = join(input, "tables");
    await run(input, output);
    const { summary } = await run(input, output);
    expect(readTable(output, "articles.csv").map((row) => row.source_path)).toEqual(["one.txt", "two.txt"]);
    expect(summary.articles).toEqual({ extracted: 0, reused: 2, skipped: 0, removed: 0 });
  });
});

describe("a tagger model that cannot be loaded", () => {
  const project = temporaryFolder();
  const input = temporaryFolder();

  beforeAll(() => {
    for (const part of ["dist", "src", "pipeline", "data/lexicons", "package.json"]) cpSync(join(ROOT, part), join(project, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
    writeFile(join(project, "data", "models", "tagger-fr.bin.gz"), "not a model");
    // Several articles: with one job every request fails at once, and only the first may report it (with two, the pool fails before any).
    for (let i = 0; i < 20; i++) writeFile(join(input, `${i}.txt`), FRENCH);
  });

  test.each(["1", "2"])("stops the run with exit code 2 and says what to do (--jobs %s), and --no-model still runs", (jobs) => {
    const output = temporaryFolder();
    const cli = join(project, "dist", "pipeline", "cli.js");
    const failed = spawnSync("node", [cli, "--input", input, "--output", output, "--formats", "csv", "--quiet", "--jobs", jobs], { encoding: "utf8" });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/The tagger model cannot be loaded \(.+\); retrain it with npm run train, or run with --no-model\./);
    expect(existsSync(join(output, "articles.csv"))).toBe(false);
    const rules = spawnSync("node", [cli, "--input", input, "--output", output, "--formats", "csv", "--quiet", "--jobs", jobs, "--no-model"], { encoding: "utf8" });
    expect(rules.status).toBe(0);
    expect(readTable(output, "articles.csv")).toHaveLength(20);
  });
});
