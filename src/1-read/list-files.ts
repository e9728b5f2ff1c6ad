import { lstatSync, readdirSync, realpathSync, type Dirent } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import type { SourceFile } from "../types.js";

/** The file types the pipeline reads; any other file still gets a `skipped` row. */
export const TEXT_EXTENSIONS = new Set([".txt", ".html", ".htm"]);

/** A file under the input folder, or a reason it cannot be read as an article. */
export interface ListedFile extends SourceFile {
  /** Set when the file is not read at all (unsupported type, symbolic link, unreadable folder). */
  skipReason?: string;
}

/**
 * Every file under `inputDir`, recursively, in a stable order (sorted by relative path).
 * Folders are entered whatever their name (a folder called `x.txt` is a folder); symbolic links
 * are listed but never followed, so that a link to itself, to a file elsewhere on the machine or to
 * another article can neither hang the run, leak outside files into the tables, nor count an article twice.
 */
export function listSourceFiles(inputDir: string, outputDir?: string): ListedFile[] {
  const files: ListedFile[] = [];
  walk(inputDir, inputDir, files, outputDir);
  assignArticleIds(files);
  return files.sort((a, b) => (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0));
}

/** `outputDir`, when inside the input folder, is not entered: the tables a run writes are not articles. */
function walk(root: string, folder: string, files: ListedFile[], outputDir?: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if (folder === root) throw error;
    files.push(listed(root, folder, `unreadable folder: ${errorCode(error)}`));
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (path !== outputDir) walk(root, path, files, outputDir);
    } else if (entry.isSymbolicLink()) files.push(listed(root, path, symbolicLinkReason(root, path)));
    else if (!entry.isFile()) files.push(listed(root, path, "not a regular file"));
    else if (!TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      files.push(listed(root, path, `unsupported file type: ${extname(entry.name) || "no extension"}`));
    } else files.push(listed(root, path));
  }
}

function symbolicLinkReason(root: string, path: string): string {
  try {
    const target = realpathSync(path);
    const inside = !relative(realpathSync(root), target).startsWith("..");
    const kind = lstatSync(target).isDirectory() ? "folder" : "file";
    return inside
      ? `symbolic link to a ${kind} inside the input folder, not followed (read there)`
      : `symbolic link to a ${kind} outside the input folder, not followed`;
  } catch (error) {
    return `broken symbolic link: ${errorCode(error)}`;
  }
}

function listed(root: string, path: string, skipReason?: string): ListedFile {
  const sourcePath = relative(root, path).split(sep).join("/");
  return { sourcePath, articleId: sourcePath, absolutePath: path, ...(skipReason ? { skipReason } : {}) };
}

/**
 * The article id is the relative path without its extension; when two files would share one
 * (`a.txt` and `a.html`), both keep their extension so that ids stay unique and stable.
 */
function assignArticleIds(files: ListedFile[]): void {
  const withoutExtension = (path: string) => path.slice(0, path.length - extname(path).length) || path;
  const counts = new Map<string, number>();
  for (const file of files) counts.set(withoutExtension(file.sourcePath), (counts.get(withoutExtension(file.sourcePath)) ?? 0) + 1);
  for (const file of files) {
    const id = withoutExtension(file.sourcePath);
    file.articleId = counts.get(id) === 1 ? id : file.sourcePath;
  }
}

export function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error);
}
