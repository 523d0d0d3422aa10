// Display formatting shared by the sidebar, the summary card and the upload dialog.
import type { PlaylistStatus } from '@cmm/api-schema';

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '–';
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function formatBitrate(
  bitsPerSecond: number | null | undefined,
): string {
  if (
    bitsPerSecond == null ||
    !Number.isFinite(bitsPerSecond) ||
    bitsPerSecond < 0
  )
    return '–';
  if (bitsPerSecond >= 1_000_000)
    return `${(bitsPerSecond / 1_000_000).toFixed(1)} Mbps`;
  return `${Math.round(bitsPerSecond / 1000)} kbps`;
}

export type BadgeTone = 'queued' | 'processing' | 'ready' | 'failed';

export interface StatusBadge {
  readonly tone: BadgeTone;
  readonly text: string;
}

/** The sidebar badge for a playlist: queued / processing NN% / ready / failed. */
export function statusBadge(
  status: PlaylistStatus,
  percent: number | null | undefined,
): StatusBadge {
  switch (status) {
    case 'QUEUED':
      return { tone: 'queued', text: 'queued' };
    case 'PROBING':
    case 'TRANSCODING':
    case 'PACKAGING':
      return {
        tone: 'processing',
        text: `processing ${clampPercent(percent)}%`,
      };
    case 'READY':
      return { tone: 'ready', text: 'ready' };
    case 'FAILED':
      return { tone: 'failed', text: 'failed' };
    default:
      return assertNever(status);
  }
}

export function clampPercent(percent: number | null | undefined): number {
  if (percent == null || !Number.isFinite(percent)) return 0;
  return Math.max(0, Math.min(100, Math.round(percent)));
}

/** First letter or digit of a title, for the thumbnail fallback. */
export function avatarLetter(title: string): string {
  const match = title.match(/[\p{L}\p{N}]/u);
  return match ? match[0].toUpperCase() : '?';
}

export function isTerminal(status: PlaylistStatus): boolean {
  return status === 'READY' || status === 'FAILED';
}

function assertNever(value: never): never {
  throw new Error(`Unexpected status ${String(value)}`);
}
