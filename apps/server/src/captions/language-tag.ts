/** BCP 47-ish: language (2–3 letters), optional script, region, variants and private use, e.g. `en`, `pt-BR`, `zh-Hant-TW`, `en-x-sdh`. */
const TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-x(?:-[a-z\d]{1,8})+)?$/i;
const TAG_MAX_LENGTH = 35;

/**
 * The canonical form of a language tag (`EN-us` → `en-US`, ISO 639-2 `eng` → `en`), or null when
 * it is not one. Tags name caption files, so the pattern also keeps them safe as file names.
 */
export function normalizeLanguageTag(tag: string): string | null {
  const trimmed = tag.trim();
  if (trimmed.length === 0 || trimmed.length > TAG_MAX_LENGTH || !TAG.test(trimmed)) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical && TAG.test(canonical) ? canonical : null;
  } catch {
    return null;
  }
}

/** A label for a track that has none: the language's English name, else the tag itself. */
export function languageName(tag: string): string {
  if (tag === 'und') return 'Unknown language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
