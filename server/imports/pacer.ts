/**
 * How many rows go into an import's next batch, so that one batch (parsing, checks and its
 * transaction, all synchronous) holds the event loop for about `targetMs`. Rows in time order cost
 * ~20 µs each; rows scattered over the period cost several times more (each lands at a random place
 * in the time indexes). A live meeting in the same process should wait about as long either way.
 */
export class BatchPacer {
  size: number;
  private busy = 0;
  private since: number | null = null;

  constructor(
    private readonly options: { targetMs: number; initial: number; min: number; max: number },
    private readonly now: () => number = () => performance.now(),
  ) {
    this.size = options.initial;
  }

  /** Marks the start of synchronous work that belongs to the current batch. */
  resume(): void {
    this.since = this.now();
  }

  /** Marks its end (before any await). */
  pause(): void {
    if (this.since !== null) this.busy += this.now() - this.since;
    this.since = null;
  }

  /** After a batch of `rows` was written: moves halfway to the size that would have met the target. */
  written(rows: number): void {
    this.pause();
    if (rows > 0 && this.busy > 0) {
      const ideal = (rows * this.options.targetMs) / this.busy;
      this.size = Math.min(this.options.max, Math.max(this.options.min, Math.round((this.size + ideal) / 2)));
    }
    this.busy = 0;
  }
}
