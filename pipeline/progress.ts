import cliProgress from "cli-progress";

/** A progress bar on stderr (articles done, rate, time left), only when asked for and stderr is a terminal. */
export class Progress {
  private readonly bar?: cliProgress.SingleBar;
  private done = 0;

  constructor(total: number, wanted: boolean) {
    if (!wanted || !process.stderr.isTTY || total === 0) return;
    this.bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: "{bar} {value}/{total} articles | {rate} articles/s | ETA {eta_formatted}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: "0" });
  }

  tick(): void {
    if (!this.bar) return;
    this.done++;
    const seconds = (Date.now() - this.startedAt) / 1000;
    this.bar.update(this.done, { rate: seconds > 0 ? (this.done / seconds).toFixed(0) : "0" });
  }

  private readonly startedAt = Date.now();

  stop(): void {
    this.bar?.stop();
  }
}
