import { chooseCaption } from './caption-choice';

describe('chooseCaption', () => {
  it.each([
    ['never chosen: off', ['en', 'fr'], null, null],
    ['turned off last time: off', ['en', 'fr'], 'off', null],
    ['the same language', ['en', 'fr'], 'fr', 'fr'],
    ['the same tag in another case', ['pt-BR', 'en'], 'pt-br', 'pt-BR'],
    ['a regional choice finds the plain language', ['en', 'fr'], 'en-GB', 'en'],
    ['a plain choice finds a regional one', ['de-AT', 'fr'], 'de', 'de-AT'],
    ['an exact match wins over a primary one', ['en-US', 'en-GB'], 'en-GB', 'en-GB'],
    ['no caption in that language: off', ['en', 'fr'], 'ja', null],
    ['a video without captions', [], 'en', null],
  ])('%s', (_, languages, remembered, chosen) => {
    expect(chooseCaption(languages, remembered)).toBe(chosen);
  });
});
