import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { temporaryPathFor } from "../../src/common/atomic-write.js";

export const LOCK_FILE = ".lock";

/** Raised when another run holds the output folder. */
export class OutputBusyError extends Error {}

/**
 * Takes the output folder for this run: a lock file created exclusively, holding our pid and host.
 * A lock whose process is gone (a run that was killed) is stale and taken over.
 */
export function acquireLock(outputDir: string, warn: (message: string) => void): () => void {
  const path = join(outputDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createLockFile(path)) return () => rmSync(path, { force: true });
    const holder = readHolder(path);
    if (holder && isAlive(holder)) {
      throw new OutputBusyError(`another run (pid ${holder.pid}) is writing to ${outputDir}; wait for it to finish`);
    }
    warn(`taking over a stale lock left by a run that stopped (${path})`);
    rmSync(path, { force: true });
  }
  throw new OutputBusyError(`could not lock ${outputDir}`);
}

/**
 * Creates the lock file with its content in one step: written under a temporary name, then linked
 * to the lock's name, which fails if a lock exists. (Created empty and then written, a lock could
 * be read empty by a run starting at that instant, taken for a stale one, and removed.)
 * Returns false when a lock exists; ENOENT means that the run holding it cleared our temporary file.
 */
function createLockFile(path: string): boolean {
  const temporary = temporaryPathFor(path);
  const holder = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() });
  writeFileSync(temporary, holder);
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP") return createExclusively(path, holder);
    if (code !== "EEXIST" && code !== "ENOENT") throw error;
    return false;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** On a file system without hard links (exFAT, some network shares): create, then write. */
function createExclusively(path: string, holder: string): boolean {
  try {
    writeFileSync(path, holder, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return false;
  }
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

/** A lock from another machine is trusted; on this one, the pid must still run (and not be us). */
function isAlive(holder: { pid: number; host: string }): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
