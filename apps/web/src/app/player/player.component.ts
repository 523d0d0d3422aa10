import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { formatBitrate } from '../shared/format';
import { PlayerService } from './player.service';
import { SWITCH_REASON_TEXT } from './stats-chart';
import { StatsPanelComponent } from './stats-panel.component';
import type { PlayerPlaylist } from './player.types';

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
  protected readonly reasonText = SWITCH_REASON_TEXT;
  protected readonly showStats = signal(false);

  protected playSegment(start: number): void {
    this.player.seek(start);
    void this.video()
      .nativeElement.play()
      ?.catch(() => undefined);
  }

  protected onAutoChange(event: Event): void {
    this.player.setAuto((event.target as HTMLInputElement).checked);
  }

  protected onCaptionChange(event: Event): void {
    this.player.selectCaption((event.target as HTMLSelectElement).value || null);
  }
}
