import { CAPTION_LABEL_MAX_LENGTH } from './caption-rules';

/**
 * The label players show in their captions menu, trimmed; an error message when it cannot be one.
 * It is written into the HLS master as a quoted string, which may hold neither `"` nor a line break.
 */
export function checkCaptionLabel(label: string): { label: string } | { error: string } {
  const trimmed = label.trim();
  if (trimmed.length === 0) return { error: 'The label is empty' };
  if ([...trimmed].length > CAPTION_LABEL_MAX_LENGTH) return { error: `The label must be at most ${CAPTION_LABEL_MAX_LENGTH} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f"]/.test(trimmed)) return { error: 'The label may not contain double quotes or control characters' };
  return { label: trimmed };
}
