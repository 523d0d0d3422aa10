import { corsOptionsFor } from './cors-policy';

describe('corsOptionsFor', () => {
  const listed = ['https://app.example.com'];

  it.each<[string, string, string | undefined, string | false]>([
    ['a listed origin on /graphql', '/graphql', 'https://app.example.com', 'https://app.example.com'],
    ['a listed origin on a GET query', '/graphql?query=%7Bx%7D', 'https://app.example.com', 'https://app.example.com'],
    ['an unlisted origin on /graphql', '/graphql', 'https://evil.example', false],
    ['no Origin on /graphql', '/graphql', undefined, false],
    ['a listed origin on another path', '/health', 'https://app.example.com', false],
    ['a listed origin on the explorer assets', '/graphql/explorer/graphiql.min.js', 'https://app.example.com', false],
    ['a listed origin on /media (served with * by the media handler)', '/media/x/poster.jpg', 'https://app.example.com', false],
  ])('%s → %s', (_name, path, origin, expected) => {
    expect(corsOptionsFor(path, origin, listed).origin).toBe(expected);
  });

  it('lets a listed origin send the Authorization and CSRF headers', () => {
    expect(corsOptionsFor('/graphql', 'https://app.example.com', listed).allowedHeaders).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'Apollo-Require-Preflight']),
    );
  });
});
