import { listSourceFiles } from "../src/1-read/list-files.js";
import { readArticle } from "../src/1-read/read-file.js";
import { tuneHeaps } from "../pipeline/heap-settings.js";
import { ExtractionPool } from "../pipeline/pool.js";

/**
 * The least a rerun can take with these stages: a new process that lists the folder and extracts
 * the articles after the first FIRST, as a run's pool does (with more than one job, in one worker
 * thread while this thread loads the model and reads the files), with no state to read, no entity
 * to resolve and no table to write. The bench times it from outside.
 * Usage: node dist/bench/rerun-floor.js DIR FIRST JOBS rules|fused
 */
tuneHeaps();
const [folder, first, jobs, names] = process.argv.slice(2);
const pool = new ExtractionPool(Number(jobs), names === "rules" ? "rules" : "fused");
const files = listSourceFiles(folder).slice(Number(first));
await Promise.all(files.map((file) => pool.extract(readArticle(file))));
await pool.close();
