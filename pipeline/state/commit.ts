import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { syncFolder, writeFileAtomic } from "../../src/common/atomic-write.js";

/** Lists the renames of a commit in progress; present only between the first and last rename. */
export const JOURNAL_FILE = ".commit-journal.json";

/** A file written to a temporary name, to be renamed over `target` when the whole set is ready. */
export interface StagedFile {
  temporary: string;
  target: string;
}

/**
 * Publishes several files as one set. Each was fully written and flushed under a temporary name;
 * the journal naming them all is written atomically, then each file is renamed over its target,
 * then the journal goes. A run killed before the journal exists leaves the previous set untouched;
 * one killed after it is completed by `recoverCommit` at the start of the next run.
 */
export function commitFiles(folder: string, files: StagedFile[]): void {
  writeFileAtomic(join(folder, JOURNAL_FILE), JSON.stringify(files));
  applyRenames(files);
  syncFolder(folder);
  rmSync(join(folder, JOURNAL_FILE));
  syncFolder(folder);
}

/** Finishes a commit that a killed run started, and clears temporary files such a run left. Returns whether a commit was finished. */
export function recoverCommit(folder: string, temporaryFolders: string[]): boolean {
  const journal = join(folder, JOURNAL_FILE);
  let finished = false;
  if (existsSync(journal)) {
    let files: StagedFile[] | undefined;
    try {
      files = JSON.parse(readFileSync(journal, "utf8")) as StagedFile[];
    } catch {
      // writeFileAtomic never leaves a torn journal; an unreadable one was damaged by hand: nothing to finish.
    }
    if (files) applyRenames(files.filter((file) => existsSync(file.temporary)));
    rmSync(journal, { force: true });
    syncFolder(folder);
    finished = !!files;
  }
  for (const dir of temporaryFolders) removeTemporaryFiles(dir);
  return finished;
}

function applyRenames(files: StagedFile[]): void {
  for (const { temporary, target } of files) renameSync(temporary, target);
}

/** Temporary files are named `.NAME.PID.tmp` (src/common/atomic-write.ts). */
function removeTemporaryFiles(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (/^\..+\.\d+\.tmp$/.test(name)) rmSync(join(folder, name), { force: true });
}
