import type { UploadOptionsInput } from '../upload/dto/upload-options.input';

/** What the mutation reserved an upload for: kept with the partial file, so its last byte (even after a restart) is processed as asked. */
export interface ReservedUpload {
  filename: string;
  options: UploadOptionsInput;
}

/** tus metadata holds strings only: the options travel as JSON. */
export function toUploadMetadata({ filename, options }: ReservedUpload): Record<string, string> {
  return { filename, options: JSON.stringify({ resolutions: options.resolutions, segmentDuration: options.segmentDuration, title: options.title ?? null }) };
}

/** The reservation back from its metadata; null when it is not one the mutation wrote. */
export function fromUploadMetadata(metadata: Record<string, string | null> | undefined): ReservedUpload | null {
  const filename = metadata?.['filename'];
  if (!filename || !metadata['options']) return null;
  let options: unknown;
  try {
    options = JSON.parse(metadata['options']);
  } catch {
    return null;
  }
  const { resolutions, segmentDuration, title } = (options ?? {}) as Record<string, unknown>;
  if (!Array.isArray(resolutions) || !resolutions.every(Number.isInteger) || typeof segmentDuration !== 'number') return null;
  if (title !== null && typeof title !== 'string') return null;
  return { filename, options: { resolutions, segmentDuration, title } };
}
