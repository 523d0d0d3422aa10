import type { DeliveryRecord } from './webhook-records';
import type { PostgresWebhookStore } from './postgres/postgres-webhook-store';
import type { StorageWebhookStore } from './storage-webhook-store';

export interface WebhookImportCounts {
  found: number;
  imported: number;
  deliveries: number;
}

/**
 * Carries a single node's webhooks (MEDIA_DIR/.webhooks, loaded) into PostgreSQL with their ids,
 * secrets and deliveries, pending ones included, so receivers keep verifying and nothing queued is
 * lost; those the database holds already are left alone, so running it again changes nothing.
 */
export async function importWebhooks(files: StorageWebhookStore, database: PostgresWebhookStore): Promise<WebhookImportCounts> {
  const endpoints = await files.endpoints();
  const deliveries: DeliveryRecord[] = [];
  for (const endpoint of endpoints) deliveries.push(...((await files.deliveries(endpoint.id, Number.MAX_SAFE_INTEGER, null))?.items ?? []));
  const added = await database.insertMissing(endpoints, deliveries);
  return { found: endpoints.length, imported: added.endpoints, deliveries: added.deliveries };
}

export const describeWebhookImport = (counts: WebhookImportCounts) =>
  `import-catalog: ${counts.found} webhooks found: ${counts.imported} imported with ${counts.deliveries} deliveries, ${counts.found - counts.imported} already in the database`;
