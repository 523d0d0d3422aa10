import { EXPLORER_ASSET_BASE, EXPLORER_ASSETS } from './explorer-assets';

/** What a developer sees first: a query that runs as is, and where to go next. */
const DEFAULT_QUERY = `# cmm-streaming GraphQL API: press ▶ to run. The Docs panel (book icon) lists every type.
# Follow a job: subscription { processingProgress(playlistId: "<id>") { status percent etaSeconds } }
# Uploads use the multipart request spec: see docs/api.md for a curl example.
query Dashboard {
  uploadLimits { allowedExtensions allowedResolutions minSegmentDuration maxSegmentDuration maxUploadBytes }
  playlists(first: 5) {
    totalCount
    edges { node { id title status createdAt hlsUrl variants { label bitrate } } }
  }
}
`;

/**
 * The GraphiQL page for `endpoint`. Asset URLs are root-relative, so the page loads
 * nothing from outside the server. Subscriptions go over graphql-ws on the same path,
 * with ws:// or wss:// following the page's own scheme.
 */
export function renderExplorerPage(endpoint: string): string {
  const names = [...EXPLORER_ASSETS.keys()];
  const styles = names.filter((name) => name.endsWith('.css')).map((name) => `    <link rel="stylesheet" href="${EXPLORER_ASSET_BASE}/${name}" />`);
  const scripts = names.filter((name) => name.endsWith('.js')).map((name) => `    <script src="${EXPLORER_ASSET_BASE}/${name}"></script>`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>cmm-streaming · GraphQL explorer</title>
${styles.join('\n')}
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading the GraphQL explorer…</div>
${scripts.join('\n')}
    <script>
      const url = new URL(${JSON.stringify(endpoint)}, location.href).href;
      const subscriptionUrl = url.replace(/^http/, 'ws');
      const fetcher = GraphiQL.createFetcher({
        url,
        subscriptionUrl,
        wsClient: graphqlWs.createClient({ url: subscriptionUrl }),
      });
      ReactDOM.createRoot(document.getElementById('graphiql')).render(
        React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)} }),
      );
    </script>
  </body>
</html>
`;
}
