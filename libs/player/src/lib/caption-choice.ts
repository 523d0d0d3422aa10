/** What is remembered when captions are turned off, so the next video starts without them too. */
export const CAPTIONS_OFF = 'off';

const primary = (tag: string) => tag.toLowerCase().split('-')[0];

/**
 * The caption language to show for the viewer's remembered choice: the same tag, else one with
 * the same primary language (`en-GB` remembered, `en` offered). Null when the choice was off,
 * never made, or matches nothing here.
 */
export function chooseCaption(languages: readonly string[], remembered: string | null): string | null {
  if (!remembered || remembered === CAPTIONS_OFF) return null;
  const exact = languages.find((l) => l.toLowerCase() === remembered.toLowerCase());
  return exact ?? languages.find((l) => primary(l) === primary(remembered)) ?? null;
}

/** Whether a track's language is the one chosen (tags compare case-insensitively). */
export const sameLanguage = (a: string | undefined | null, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();
