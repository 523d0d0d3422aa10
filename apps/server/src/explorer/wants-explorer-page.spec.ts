import { wantsExplorerPage } from './wants-explorer-page';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('wantsExplorerPage', () => {
  it.each<[string, string, string | undefined, boolean, boolean]>([
    ['a browser navigation', 'GET', BROWSER, false, true],
    ['text/html later in the list', 'GET', 'application/json, TEXT/HTML', false, true],
    ['HEAD from a browser', 'HEAD', BROWSER, false, true],
    ['a browser GET that carries an operation', 'GET', BROWSER, true, false],
    ['a JSON client', 'GET', 'application/json', false, false],
    ['a GraphQL-over-HTTP client', 'GET', 'application/graphql-response+json, application/json', false, false],
    ['no Accept', 'GET', undefined, false, false],
    ['anything', 'GET', '*/*', false, false],
    ['a POST from a form', 'POST', BROWSER, false, false],
    ['a preflight', 'OPTIONS', BROWSER, false, false],
  ])('%s → %s', (_name, method, accept, hasQuery, expected) => {
    expect(wantsExplorerPage({ method, accept, hasQuery })).toBe(expected);
  });
});
