import {
  ChangeDetectionStrategy,
  Component,
  input,
  output,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import type { HistoryEntry } from './history-entry';

@Component({
  selector: 'cmm-upload-history',
  imports: [RouterLink, NgTemplateOutlet],
  templateUrl: './upload-history.component.html',
  styleUrl: './upload-history.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadHistoryComponent {
  readonly entries = input.required<readonly HistoryEntry[]>();
  readonly activeId = input<string | null>(null);
  readonly loaded = input(false);
  readonly hasMore = input(false);
  readonly loadingMore = input(false);
  readonly error = input<string | null>(null);

  readonly loadMore = output<void>();
  readonly retry = output<void>();
  readonly picked = output<string>();

  protected readonly skeletons = [0, 1, 2, 3];
}
