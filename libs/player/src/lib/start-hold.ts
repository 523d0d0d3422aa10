import type { StartGateDecision, StartGateReason } from './start-gate';

/** Where start-up stands, for the stats: held by the start gate, or let go and why. */
export interface StartStatus {
  held: boolean;
  reason: StartGateReason;
  /** The buffer the gate asked for, seconds. */
  requiredSeconds: number;
}

/**
 * Keeps a media element from beginning playback while the start gate is closed: an element that
 * was to play (autoplay, or the viewer pressed play) is paused, and played once the gate opens or
 * its wait cap runs out. It acts on the gate's decisions as `HlsAbrAdapter` reports them, which come
 * before the segment is appended, so a held element never starts. Once let go it never holds again.
 */
export class StartHold {
  private held = false;
  private done = false;
  /** Playback was asked for while held: it begins on release. */
  private wantsPlay = false;
  private requiredSeconds = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly media: HTMLMediaElement,
    private readonly onStatus: (status: StartStatus) => void,
  ) {
    media.addEventListener('play', this.onPlay);
  }

  apply(gate: StartGateDecision): void {
    if (this.done) return;
    this.requiredSeconds = gate.requiredSeconds;
    if (gate.open) return this.release(gate.reason);
    if (!this.media.paused) this.hold();
    this.held = true;
    this.clearTimer();
    this.timer = setTimeout(
      () => this.release('wait-cap'),
      gate.holdAtMostSeconds * 1000,
    );
    this.onStatus({
      held: true,
      reason: gate.reason,
      requiredSeconds: gate.requiredSeconds,
    });
  }

  destroy(): void {
    this.clearTimer();
    this.media.removeEventListener('play', this.onPlay);
  }

  private readonly onPlay = (): void => {
    if (this.held) this.hold();
  };

  private hold(): void {
    this.wantsPlay = true;
    this.media.pause();
  }

  private release(reason: StartGateReason): void {
    this.done = true;
    this.held = false;
    this.destroy();
    this.onStatus({
      held: false,
      reason,
      requiredSeconds: this.requiredSeconds,
    });
    if (this.wantsPlay) void this.media.play()?.catch(() => undefined);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
