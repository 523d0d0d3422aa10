/**
 * Imported first by main.ts, before any library reads it. graphql-js and Express run their
 * development checks (graphql-js's cross-realm `instanceOf` on every type test of every field)
 * unless NODE_ENV is `production`, while this server treats any value but `development` as
 * production: unset or empty, it is production for the libraries too.
 */
if (!process.env['NODE_ENV']) process.env['NODE_ENV'] = 'production';
