// The sidebar's rows: uploads still travelling on top, then the catalog's playlists, newest first.
import type { PlaylistListItem } from '../playlists/data-access/playlists.service';
import {
  type StatusBadge,
  avatarLetter,
  clampPercent,
  formatBytes,
  formatDuration,
  statusBadge,
} from '../shared/format';
import type { UploadJob } from '../upload/upload.service';

export interface HistoryEntry {
  /** Stable key for `@for` tracking. */
  readonly key: string;
  readonly playlistId: string | null;
  readonly title: string;
  readonly detail: string;
  readonly posterUrl: string | null;
  readonly letter: string;
  readonly badge: StatusBadge;
  /** Percent for the row's progress bar, null when nothing is moving. */
  readonly progress: number | null;
  readonly error: string | null;
}

export function historyEntries(
  pending: readonly UploadJob[],
  playlists: readonly PlaylistListItem[],
): HistoryEntry[] {
  return [...pending.map(pendingEntry), ...playlists.map(playlistEntry)];
}

function pendingEntry(job: UploadJob): HistoryEntry {
  const badge: StatusBadge =
    job.phase === 'uploading'
      ? {
          tone: 'processing',
          text: `uploading ${clampPercent(job.sentPercent)}%`,
        }
      : {
          tone: 'failed',
          text: job.phase === 'network-error' ? 'interrupted' : 'rejected',
        };
  return {
    key: job.id,
    playlistId: null,
    title: job.title,
    detail: formatBytes(job.size),
    posterUrl: null,
    letter: avatarLetter(job.title),
    badge,
    progress: job.phase === 'uploading' ? clampPercent(job.sentPercent) : null,
    error: job.error ?? Object.values(job.fieldErrors)[0] ?? null,
  };
}

function playlistEntry(p: PlaylistListItem): HistoryEntry {
  const percent = p.progress?.percent ?? (p.status === 'READY' ? 100 : 0);
  const badge = statusBadge(p.status, percent);
  return {
    key: p.id,
    playlistId: p.id,
    title: p.title,
    detail:
      p.source.duration > 0
        ? formatDuration(p.source.duration)
        : p.source.filename,
    posterUrl: p.status === 'READY' ? p.posterUrl : null,
    letter: avatarLetter(p.title),
    badge,
    progress: badge.tone === 'processing' ? clampPercent(percent) : null,
    error: p.status === 'FAILED' ? p.error : null,
  };
}
