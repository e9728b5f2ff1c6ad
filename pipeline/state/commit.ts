import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
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
 * Bytes written under a temporary name, to go after the first `at` bytes of `target`: how a rerun
 * that only adds articles grows the tables of hundreds of MB instead of writing them again.
 */
export interface AppendedFile extends StagedFile {
  at: number;
}

/**
 * Publishes several files as one set. Each was fully written and flushed under a temporary name;
 * the journal naming them all is written atomically, then each file is renamed over its target
 * (or appended to it), then the journal goes. A run killed before the journal exists leaves the
 * previous set untouched; one killed after it is completed by `recoverCommit` at the start of the
 * next run. Appending again is harmless: the target is first cut back to the length it had.
 */
export function commitFiles(folder: string, files: (StagedFile | AppendedFile)[]): void {
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
    let files: (StagedFile | AppendedFile)[] | undefined;
    try {
      files = JSON.parse(readFileSync(journal, "utf8")) as (StagedFile | AppendedFile)[];
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

function applyRenames(files: (StagedFile | AppendedFile)[]): void {
  for (const file of files) {
    if ("at" in file) appendTo(file);
    else renameSync(file.temporary, file.target);
  }
}

const COPY_CHUNK = 1 << 20;

function appendTo({ temporary, target, at }: AppendedFile): void {
  const [from, to] = [openSync(temporary, "r"), openSync(target, "r+")];
  try {
    ftruncateSync(to, at);
    const chunk = Buffer.allocUnsafe(COPY_CHUNK);
    for (let done = 0, read: number; (read = readSync(from, chunk, 0, COPY_CHUNK, done)) > 0; done += read) {
      for (let written = 0; written < read; ) written += writeSync(to, chunk, written, read - written, at + done + written);
    }
    fsyncSync(to);
  } finally {
    closeSync(from);
    closeSync(to);
  }
  rmSync(temporary);
}

/** Temporary files are named `.NAME.PID.tmp` (src/common/atomic-write.ts). */
function removeTemporaryFiles(folder: string): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) if (/^\..+\.\d+\.tmp$/.test(name)) rmSync(join(folder, name), { force: true });
}
