/** Where the explorer's assets are served; under `/graphql` so the web app's fallback leaves them alone. */
export const EXPLORER_ASSET_BASE = '/graphql/explorer';

export interface ExplorerAsset {
  /** The npm package the file ships in (a dependency of the server). */
  packageName: string;
  /** The file's path inside that package. */
  file: string;
  contentType: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * The browser builds GraphiQL needs, in page order: React globals first, then the
 * graphql-ws client, then GraphiQL, which reads `window.React` and `window.ReactDOM`.
 * Served from node_modules so the explorer works without internet access.
 */
export const EXPLORER_ASSETS: ReadonlyMap<string, ExplorerAsset> = new Map([
  ['graphiql.min.css', { packageName: 'graphiql', file: 'graphiql.min.css', contentType: CSS }],
  ['react.production.min.js', { packageName: 'react', file: 'umd/react.production.min.js', contentType: JS }],
  ['react-dom.production.min.js', { packageName: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JS }],
  ['graphql-ws.min.js', { packageName: 'graphql-ws', file: 'umd/graphql-ws.min.js', contentType: JS }],
  ['graphiql.min.js', { packageName: 'graphiql', file: 'graphiql.min.js', contentType: JS }],
]);
