import { acceptsHtml } from './accepts-html';

describe('acceptsHtml', () => {
  it.each<[string | undefined, boolean]>([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['text/html', true],
    ['TEXT/HTML', true],
    ['text/html; q=1', true],
    ['application/json, text/html', true],
    ['application/json,text/html;q=0.1', true],
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['text/*', false],
    ['application/json', false],
    ['text/htmlx', false],
    ['application/text/html', false],
  ])('%j → %s', (accept, expected) => {
    expect(acceptsHtml(accept)).toBe(expected);
  });
});
