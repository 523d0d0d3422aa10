import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentNode, buildSchema, validate } from 'graphql';
import * as generated from './generated/graphql';

const schema = buildSchema(
  readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'),
);
const operations = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode] =>
    entry[0].endsWith('Document') &&
    (entry[1] as DocumentNode)?.kind === 'Document',
);

describe('generated operations', () => {
  it('covers every operation the web app sends', () => {
    expect(operations.map(([name]) => name).sort()).toEqual([
      'AddCaptionDocument',
      'AuthDocument',
      'CreateResumableUploadDocument',
      'CreateWebhookDocument',
      'DeletePlaylistDocument',
      'DeleteWebhookDocument',
      'PlaylistDocument',
      'PlaylistsDocument',
      'ProcessingProgressDocument',
      'RemoveCaptionDocument',
      'UploadLimitsDocument',
      'WebhookDeliveriesDocument',
      'WebhooksDocument',
    ]);
  });

  // Fails when the committed SDL drifts from what the web app asks for: re-run `npm run codegen` and fix the operations.
  it.each(operations)(
    '%s is valid against schema.graphql',
    (_name, document) => {
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    },
  );
});
