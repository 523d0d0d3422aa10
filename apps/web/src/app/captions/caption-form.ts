// The add-caption form's checks: only what the server cannot say better (it validates tag, label and file itself).
import type { CaptionField } from './captions.service';

export interface CaptionFormValue {
  readonly file: File | null;
  readonly language: string;
  readonly label: string;
}

export function validateCaptionForm(
  value: CaptionFormValue,
): Partial<Record<CaptionField, string>> {
  const errors: Partial<Record<CaptionField, string>> = {};
  if (!value.file) errors.file = 'Choose a WebVTT or SubRip file.';
  if (!value.language.trim())
    errors.language = 'Enter a language tag, such as en or pt-BR.';
  if (!value.label.trim() && !languageName(value.language))
    errors.label = 'Enter the label players show.';
  return errors;
}

/** A blank label becomes the language's English name ("pt-BR": "Brazilian Portuguese"); null when the tag has none. */
export function languageName(tag: string): string | null {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag.trim());
    return name ?? null;
  } catch {
    return null;
  }
}

/** The label sent: the one typed, else the language's name. */
export function captionLabel(value: CaptionFormValue): string {
  return value.label.trim() || (languageName(value.language) ?? '');
}
