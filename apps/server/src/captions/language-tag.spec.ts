import { languageName, normalizeLanguageTag } from './language-tag';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en', 'en'],
    ['EN-us', 'en-US'],
    ['pt-BR', 'pt-BR'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['es-419', 'es-419'],
    ['eng', 'en'],
    ['fre', 'fr'],
    ['en-x-sdh', 'en-x-sdh'],
    [' de ', 'de'],
    ['und', 'und'],
  ])('%s is %s', (tag, canonical) => {
    expect(normalizeLanguageTag(tag)).toBe(canonical);
  });

  it.each([[''], ['e'], ['english'], ['en_US'], ['en/../x'], ['en-'], ['../etc'], ['en US'], ['en-US-' + 'a'.repeat(40)], ['x-private']])('refuses %j', (tag) => {
    expect(normalizeLanguageTag(tag)).toBeNull();
  });
});

describe('languageName', () => {
  it.each([
    ['en', 'English'],
    ['pt-BR', 'Brazilian Portuguese'],
    ['und', 'Unknown language'],
  ])('%s is %s', (tag, name) => {
    expect(languageName(tag)).toBe(name);
  });
});
