import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = ".lock";

/** Raised when another run holds the output folder. */
export class OutputBusyError extends Error {}

/**
 * Takes the output folder for this run: a lock file created exclusively, holding our pid and host.
 * A lock whose process is gone (a run that was killed) is stale and taken over.
 */
export function acquireLock(outputDir: string): () => void {
  const path = join(outputDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(path);
      if (holder && isAlive(holder)) {
        throw new OutputBusyError(`another run (pid ${holder.pid}) is writing to ${outputDir}; wait for it to finish`);
      }
      process.stderr.write(`warning: taking over a stale lock left by a run that stopped (${path})\n`);
      rmSync(path, { force: true });
    }
  }
  throw new OutputBusyError(`could not lock ${outputDir}`);
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
