// Client-side checks of the upload form, mirroring the server's rules so obvious mistakes never leave the browser.
import type { UploadLimits } from '../playlists/data-access/playlists.service';
import { formatBytes } from '../shared/format';
import type { FieldErrors } from './upload-errors';
import { uploadRules } from '@cmm/media-rules';

/** Used until (or if never) the server answers `uploadLimits`: the same shared rules the server applies. */
export const FALLBACK_LIMITS: UploadLimits = {
  ...uploadRules(),
  maxUploadBytes: Number.POSITIVE_INFINITY,
};

export interface UploadFormValue {
  readonly file: { name: string; size: number } | null;
  readonly resolutions: ReadonlySet<number>;
  readonly segmentDuration: number | null;
}

export function validateUploadForm(
  value: UploadFormValue,
  limits: UploadLimits,
): FieldErrors {
  const errors: FieldErrors = {};
  if (value.file) {
    const name = value.file.name;
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
    const allowed = limits.allowedExtensions.map((e) =>
      e.replace(/^\./, '').toLowerCase(),
    );
    if (!allowed.includes(ext)) {
      errors.file = `Unsupported file type. Allowed: ${allowed.join(', ')}.`;
    } else if (value.file.size > limits.maxUploadBytes) {
      errors.file = `The file is larger than ${formatBytes(limits.maxUploadBytes)}.`;
    } else if (value.file.size === 0) {
      errors.file = 'The file is empty.';
    }
  }
  if (value.resolutions.size === 0) {
    errors.resolutions = 'Choose at least one resolution.';
  }
  const seconds = value.segmentDuration;
  if (seconds == null || !Number.isFinite(seconds)) {
    errors.segmentDuration = 'Enter a segment length in seconds.';
  } else if (
    seconds < limits.minSegmentDuration ||
    seconds > limits.maxSegmentDuration
  ) {
    errors.segmentDuration = `Segment length must be between ${limits.minSegmentDuration} and ${limits.maxSegmentDuration} s.`;
  }
  return errors;
}
