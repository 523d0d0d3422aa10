import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import type { ThumbnailCue } from '@cmm/player';
import { formatBitrate, formatDuration } from '../shared/format';
import { PlayerService } from './player.service';
import { START_HOLD_TEXT, SWITCH_REASON_TEXT } from './stats-chart';
import { StatsPanelComponent } from './stats-panel.component';
import type { PlayerPlaylist } from './player.types';

/** Where the pointer is over the seek bar: the time under it and its tile. */
interface SeekPreview {
  time: number;
  fraction: number;
  cue: ThumbnailCue | null;
}

/** Arrow keys on the seek bar move this many seconds. */
const KEY_STEP_SECONDS = 5;

@Component({
  selector: 'cmm-player',
  templateUrl: './player.component.html',
  styleUrl: './player.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [PlayerService],
  imports: [StatsPanelComponent],
})
export class PlayerComponent {
  readonly playlist = input.required<PlayerPlaylist>();

  protected readonly player = inject(PlayerService);
  private readonly video =
    viewChild.required<ElementRef<HTMLVideoElement>>('video');

  constructor() {
    effect(() => {
      const playlist = this.playlist();
      this.player.attach(this.video().nativeElement);
      this.player.load(playlist);
    });
  }

  protected readonly formatBitrate = formatBitrate;
  protected readonly formatDuration = formatDuration;
  /** Shown while a mouse hovers the seek bar or a finger drags along it. */
  protected readonly preview = signal<SeekPreview | null>(null);
  protected readonly played = computed(() => {
    const duration = this.player.duration();
    return duration > 0
      ? Math.min(100, (this.player.currentTime() / duration) * 100)
      : 0;
  });
  private dragging = false;

  /** A tile's sheet as a CSS image. */
  protected sheet(cue: ThumbnailCue): string {
    return `url("${cue.url}")`;
  }
  protected readonly reasonText = SWITCH_REASON_TEXT;
  protected readonly startHoldText = START_HOLD_TEXT;
  protected readonly showStats = signal(false);

  protected playSegment(start: number): void {
    this.player.seek(start);
    void this.video()
      .nativeElement.play()
      ?.catch(() => undefined);
  }

  /** A press starts a drag (touch, pen or mouse): the preview follows it and the seek happens on release. */
  protected onPointerDown(event: PointerEvent): void {
    this.dragging = true;
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.showPreview(event);
  }

  protected onPointerMove(event: PointerEvent): void {
    if (this.dragging || event.pointerType === 'mouse') this.showPreview(event);
  }

  protected onPointerUp(event: PointerEvent): void {
    if (!this.dragging) return;
    const time = this.showPreview(event);
    this.endDrag();
    if (event.pointerType === 'mouse') this.showPreview(event);
    this.player.seek(time);
  }

  protected onPointerLeave(): void {
    if (!this.dragging) this.preview.set(null);
  }

  protected endDrag(): void {
    this.dragging = false;
    this.preview.set(null);
  }

  protected onKeyDown(event: KeyboardEvent): void {
    const step = { ArrowLeft: -KEY_STEP_SECONDS, ArrowRight: KEY_STEP_SECONDS }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const time = Math.max(0, Math.min(this.player.duration(), this.player.currentTime() + step));
    this.player.seek(time);
  }

  /** Sets the preview for the pointer's position; returns the time there. */
  private showPreview(event: PointerEvent): number {
    const bar = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const fraction = bar.width > 0 ? Math.min(1, Math.max(0, (event.clientX - bar.left) / bar.width)) : 0;
    const time = fraction * this.player.duration();
    this.preview.set({ time, fraction, cue: this.player.thumbnailAt(time) });
    return time;
  }

  protected onAutoChange(event: Event): void {
    this.player.setAuto((event.target as HTMLInputElement).checked);
  }

  protected onCaptionChange(event: Event): void {
    this.player.selectCaption((event.target as HTMLSelectElement).value || null);
  }
}
