/**
 * Aborts an encode that stops moving forward. A header can claim any length, so a timeout sized
 * from it proves nothing; what the encoder reports it has decoded does. Only output time beyond
 * the furthest seen so far counts as progress.
 */
export class StallWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private furthest = -Infinity;

  constructor(private readonly stallMs: number) {
    this.arm();
  }

  /** Aborted once `stallMs` pass without progress. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  saw(outTimeSeconds: number): void {
    if (outTimeSeconds <= this.furthest) return;
    this.furthest = outTimeSeconds;
    this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(), this.stallMs);
  }
}
