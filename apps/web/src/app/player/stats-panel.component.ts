import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { StatsSample } from '@cmm/player';
import { sessionExport, statsChart } from './stats-chart';

const WIDTH = 600;
const HEIGHT = 120;

/** "Stats for nerds": the last minute charted, and the session's samples as a JSON download. */
@Component({
  selector: 'cmm-stats-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <figure class="stats" data-testid="stats-panel">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" preserveAspectRatio="none" role="img" aria-label="Throughput estimate, chosen bitrate and buffer over the last minute">
        <polyline class="stats__estimate" data-testid="stats-estimate" [attr.points]="chart().estimate" />
        <polyline class="stats__chosen" data-testid="stats-chosen" [attr.points]="chart().chosen" />
        <polyline class="stats__buffer" data-testid="stats-buffer" [attr.points]="chart().buffer" />
      </svg>
      <figcaption>
        <span class="key key--estimate">estimate</span> and <span class="key key--chosen">chosen bitrate</span> (0–{{ chart().maxMbps }} Mbit/s),
        <span class="key key--buffer">buffer</span> (0–{{ chart().maxBufferSeconds }} s), last minute
        <button type="button" class="export" data-testid="stats-export" [disabled]="history().length === 0" (click)="export()">Export JSON</button>
      </figcaption>
    </figure>
  `,
  styles: `
    .stats { margin: 0.75rem 0 0; }
    svg { display: block; width: 100%; height: 120px; background: var(--surface, #161b22); border-radius: var(--radius, 10px); }
    polyline { fill: none; stroke-width: 2; vector-effect: non-scaling-stroke; }
    .stats__estimate, .key--estimate { stroke: #4f8cff; color: #4f8cff; }
    .stats__chosen, .key--chosen { stroke: #3fb950; color: #3fb950; }
    .stats__buffer, .key--buffer { stroke: #d29922; color: #d29922; }
    figcaption { margin-top: 0.35rem; color: var(--muted, #8b949e); font-size: 0.85rem; }
    .export { margin-left: 0.5rem; font: inherit; cursor: pointer; }
  `,
})
export class StatsPanelComponent {
  readonly history = input.required<readonly StatsSample[]>();
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly chart = computed(() => statsChart(this.history(), WIDTH, HEIGHT));

  protected export(): void {
    const blob = new Blob([sessionExport(this.history())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'cmm-player-session.json';
    link.click();
    URL.revokeObjectURL(url);
  }
}
