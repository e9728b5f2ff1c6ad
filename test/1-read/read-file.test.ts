import { createHash } from "node:crypto";
import { truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_ARTICLE_BYTES, readArticle, readWithinLimit } from "../../src/1-read/read-file.js";
import { temporaryFolder } from "../helpers.js";

describe("readArticle", () => {
  const folder = temporaryFolder();
  const file = (name: string) => ({ sourcePath: name, articleId: name, absolutePath: join(folder, name) });

  test("gives a file's bytes and their sha256", () => {
    writeFileSync(join(folder, "a.txt"), "Le ministre a parlé.");
    const article = readArticle(file("a.txt"));
    expect(article.bytes?.toString("utf8")).toBe("Le ministre a parlé.");
    expect(article.sha256).toBe(createHash("sha256").update("Le ministre a parlé.").digest("hex"));
    expect(article.skipReason).toBeUndefined();
  });

  test("skips a file larger than an article can be, with its size and hash, without holding its bytes", () => {
    const size = MAX_ARTICLE_BYTES + 1;
    // Sparse: the file reads as zeros and takes no room on disk.
    writeFileSync(join(folder, "dump.txt"), "");
    truncateSync(join(folder, "dump.txt"), size);
    expect(readWithinLimit(join(folder, "dump.txt"))).toEqual({ size, sha256: createHash("sha256").update(Buffer.alloc(size)).digest("hex") });
    const article = readArticle(file("dump.txt"));
    expect(article).toMatchObject({ skipReason: `too large: ${size} bytes`, sha256: createHash("sha256").update(Buffer.alloc(size)).digest("hex") });
    expect(article.bytes).toBeUndefined();
  });
});
