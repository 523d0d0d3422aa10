import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import type { PlaylistDetail } from '../playlists/data-access/playlists.service';
import {
  formatBitrate,
  formatBytes,
  formatDuration,
  statusBadge,
} from '../shared/format';

@Component({
  selector: 'cmm-summary-card',
  templateUrl: './summary-card.component.html',
  styleUrl: './summary-card.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SummaryCardComponent {
  readonly playlist = input.required<PlaylistDetail>();

  protected readonly badge = computed(() => {
    const p = this.playlist();
    return statusBadge(p.status, p.progress?.percent);
  });
  protected readonly dimensions = computed(() => {
    const { width, height, displayWidth, displayHeight } =
      this.playlist().source;
    const stored = `${width}×${height}`;
    return displayWidth && (displayWidth !== width || displayHeight !== height)
      ? `${displayWidth}×${displayHeight} (stored ${stored})`
      : stored;
  });
  protected readonly requested = computed(() =>
    heights(this.playlist().requestedResolutions),
  );
  protected readonly skipped = computed(() =>
    heights(this.playlist().skippedResolutions),
  );
  protected readonly variants = computed(() =>
    [...this.playlist().variants]
      .sort((a, b) => b.height - a.height)
      .map((v) => ({
        label: v.label,
        resolution: `${v.width}×${v.height}`,
        bitrate: formatBitrate(v.averageBitrate || v.bitrate),
        size: formatBytes(v.sizeBytes),
        segments: v.segmentCount,
      })),
  );

  protected readonly formatBytes = formatBytes;
  protected readonly formatDuration = formatDuration;
}

function heights(values: readonly number[]): string {
  return values.length
    ? [...values]
        .sort((a, b) => b - a)
        .map((h) => `${h}p`)
        .join(', ')
    : 'none';
}
