/** Milliseconds spent per stage, summed over the articles a thread (or the whole pool) handled. */
export type StageTimes = Record<string, number>;

/** Runs `run`, adding its time to `times[name]` when times are kept. */
export function timed<T>(name: string, times: StageTimes | undefined, run: () => T): T {
  if (!times) return run();
  const start = performance.now();
  const result = run();
  times[name] = (times[name] ?? 0) + performance.now() - start;
  return result;
}
