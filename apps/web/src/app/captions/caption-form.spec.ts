import { captionLabel, validateCaptionForm } from './caption-form';

const file = new File(['WEBVTT\n'], 'en.vtt');

describe('validateCaptionForm', () => {
  it.each<[string, Parameters<typeof validateCaptionForm>[0], string[]]>([
    ['a complete form', { file, language: 'en', label: 'English' }, []],
    ['a blank label with a known language', { file, language: 'fr', label: ' ' }, []],
    ['no file', { file: null, language: 'en', label: 'English' }, ['file']],
    ['a blank language', { file, language: '  ', label: 'English' }, ['language']],
    ['a blank label with an unknown language', { file, language: 'qqq', label: '' }, ['label']],
  ])('%s', (_name, value, fields) => {
    expect(Object.keys(validateCaptionForm(value)).sort()).toEqual(fields);
  });
});

describe('captionLabel', () => {
  it.each([
    ['the label typed, trimmed', 'en', ' English (SDH) ', 'English (SDH)'],
    ['the language’s name for a blank label', 'pt-BR', '', 'Brazilian Portuguese'],
    ['the primary language’s name for a private-use tag', 'en-x-sdh', '', 'English'],
  ])('%s', (_name, language, label, sent) => {
    expect(captionLabel({ file, language, label })).toBe(sent);
  });
});
