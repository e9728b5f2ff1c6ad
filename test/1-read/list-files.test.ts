import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { listSourceFiles } from "../../src/1-read/list-files.js";
import { temporaryFolder } from "../helpers.js";

describe("listSourceFiles", () => {
  const input = temporaryFolder();
  const write = (path: string) => {
    mkdirSync(join(input, path, ".."), { recursive: true });
    writeFileSync(join(input, path), "Le ministre a parlé.");
  };

  beforeAll(() => {
    for (const path of ["b.txt", "a.txt", "a.html", "a-b.txt", "a/x.txt", "a.b/y.HTM", "notes.pdf", "README", "x.txt/inside.txt", "deep/er/z.txt", "out/tables.txt"]) write(path);
    symlinkSync("b.txt", join(input, "link.txt"));
    mkdirSync(join(input, "locked"));
    chmodSync(join(input, "locked"), 0);
  });
  afterAll(() => chmodSync(join(input, "locked"), 0o755));

  test("lists every file under the folder, sorted by relative path, with ids that stay unique", () => {
    const listed = listSourceFiles(input, join(input, "out")).map(({ sourcePath, articleId, absolutePath, skipReason }) => ({ sourcePath, articleId, absolutePath, skipReason }));
    const file = (sourcePath: string, articleId: string, skipReason?: string) => ({ sourcePath, articleId, absolutePath: join(input, sourcePath), skipReason });
    const locked = process.getuid?.() === 0 ? [] : [file("locked", "locked", "unreadable folder: EACCES")];
    expect(listed).toEqual([
      file("README", "README", "unsupported file type: no extension"),
      // a.txt and a.html would both be "a": each keeps its extension.
      file("a-b.txt", "a-b"),
      file("a.b/y.HTM", "a.b/y"),
      file("a.html", "a.html"),
      file("a.txt", "a.txt"),
      file("a/x.txt", "a/x"),
      file("b.txt", "b"),
      file("deep/er/z.txt", "deep/er/z"),
      file("link.txt", "link", "symbolic link to a file inside the input folder, not followed (read there)"),
      ...locked,
      file("notes.pdf", "notes", "unsupported file type: .pdf"),
      file("x.txt/inside.txt", "x.txt/inside"),
    ]);
  });

  test("gives the same paths whether the folder is named with a trailing slash or through '..'", () => {
    const paths = (folder: string) => listSourceFiles(folder).map((file) => [file.sourcePath, file.articleId]);
    expect(paths(`${input}/`)).toEqual(paths(input));
    expect(paths(join(input, "deep", ".."))).toEqual(paths(input));
  });
});
