import { OnApplicationShutdown } from '@nestjs/common';
import { Kysely, sql } from 'kysely';
import { openMigratedDatabase, runQuery } from '../../catalog/postgres/database';
import { newDelivery, prunable } from '../delivery-step';
import { newId } from '../webhook-id';
import { DeliveryRecord, DeliveryStatus, RaisedEvent, WebhookEndpoint } from '../webhook-records';
import { ClaimedDelivery, DeliveryPage, WebhookStore } from '../webhook-store';
import { toDelivery, toEndpoint, WebhooksDatabase } from './webhook-tables';

/** Connections of its own beside the catalog's: a few short queries per attempt, at most PARALLEL_ATTEMPTS at once. */
const POOL_SIZE = 3;

/**
 * Webhooks in the catalog's PostgreSQL database, shared by every API and worker process: each
 * reads endpoints from it as they are now, and a delivery is attempted by the process whose claim
 * (`lease_until`) holds it, taken with FOR UPDATE SKIP LOCKED so two processes never claim the same
 * one; a claim left by a crashed process lapses and another process makes the attempt again.
 */
export class PostgresWebhookStore extends WebhookStore implements OnApplicationShutdown {
  constructor(private readonly db: Kysely<WebhooksDatabase>) {
    super();
  }

  /** Connects to `url` and brings the schema up to date (the catalog's migrations, which hold the webhook tables). */
  static async open(url: string): Promise<PostgresWebhookStore> {
    return new PostgresWebhookStore(await openMigratedDatabase<WebhooksDatabase>(url, { context: PostgresWebhookStore.name, event: 'webhooks.migrated' }, POOL_SIZE));
  }

  /** After the service's onModuleDestroy, which waits for the attempts in flight to be recorded. */
  async onApplicationShutdown(): Promise<void> {
    await this.db.destroy();
  }

  endpoints(): Promise<WebhookEndpoint[]> {
    return runQuery(async () => (await this.db.selectFrom('webhooks').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map(toEndpoint));
  }

  endpoint(id: string): Promise<WebhookEndpoint | null> {
    return runQuery(async () => {
      const row = await this.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toEndpoint(row) : null;
    });
  }

  /** The table lock makes two processes adding at once count one after the other. */
  addEndpoint(endpoint: WebhookEndpoint, limit: number): Promise<boolean> {
    return runQuery(() =>
      this.db.transaction().execute(async (trx) => {
        await sql`lock table webhooks in share row exclusive mode`.execute(trx);
        const { count } = await trx.selectFrom('webhooks').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
        if (Number(count) >= limit) return false;
        await trx.insertInto('webhooks').values(endpoint).execute();
        return true;
      }),
    );
  }

  removeEndpoint(id: string): Promise<boolean> {
    return runQuery(async () => (await this.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n);
  }

  /** The endpoints read share-locked: a deletion at the same moment waits, then takes these deliveries with it. */
  addDeliveries(event: RaisedEvent): Promise<DeliveryRecord[]> {
    return runQuery(() =>
      this.db.transaction().execute(async (trx) => {
        const subscribed = await trx.selectFrom('webhooks').select('id').where(sql<boolean>`${event.type} = any(events)`).forShare().execute();
        const deliveries = subscribed.map((endpoint) => newDelivery(newId('whd'), endpoint.id, event));
        if (deliveries.length > 0) await trx.insertInto('webhook_deliveries').values(deliveries).execute();
        return deliveries;
      }),
    );
  }

  deliveries(webhookId: string, first: number, after: string | null): Promise<DeliveryPage | null> {
    return runQuery(async () => {
      const anchor = after === null ? null : await this.db.selectFrom('webhook_deliveries').select(['id', 'created_at']).where('id', '=', after).where('webhook_id', '=', webhookId).executeTakeFirst();
      if (anchor === undefined) return null;
      let query = this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(first + 1);
      if (anchor) query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(anchor.created_at, anchor.id)));
      const [rows, { count }] = await Promise.all([
        query.execute(),
        this.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<string>().as('count')).where('webhook_id', '=', webhookId).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.slice(0, first).map(toDelivery), hasNextPage: rows.length > first, totalCount: Number(count) };
    });
  }

  /** The same choice as dueDeliveries, in one statement: rows another claim is taking are skipped, not waited for. */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    const until = leaseUntil.toISOString();
    return runQuery(async () => {
      const rows = await this.db
        // materialized: the locking select runs once, whatever plan the update gets
        .with(
          (cte) => cte('due').materialized(),
          (db) =>
            db
              .selectFrom('webhook_deliveries')
              .select('id')
              .where('status', '=', DeliveryStatus.PENDING)
              .where('next_attempt_at', '<=', now)
              .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
              .orderBy('next_attempt_at')
              .orderBy('id')
              .limit(limit)
              .forUpdate()
              .skipLocked(),
        )
        .updateTable('webhook_deliveries as d')
        .set({ lease_until: until })
        .from('webhooks as w')
        .whereRef('w.id', '=', 'd.webhook_id')
        .where('d.id', 'in', (eb) => eb.selectFrom('due').select('due.id'))
        .returningAll('d')
        .returning(['w.url', 'w.secret'])
        .execute();
      // RETURNING keeps no order
      const oldestDueFirst = rows.sort((x, y) => Number(x.next_attempt_at) - Number(y.next_attempt_at) || (x.id < y.id ? -1 : 1));
      return oldestDueFirst.map((row) => ({ delivery: toDelivery(row), url: row.url, secret: row.secret, leaseUntil: until }));
    });
  }

  nextClaimableAt(): Promise<Date | null> {
    return runQuery(async () => {
      const { at } = await this.db
        .selectFrom('webhook_deliveries')
        .select(sql<Date | null>`min(greatest(next_attempt_at, lease_until))`.as('at'))
        .where('status', '=', DeliveryStatus.PENDING)
        .executeTakeFirstOrThrow();
      return at;
    });
  }

  saveAttempt(delivery: DeliveryRecord, leaseUntil: string, keep: number): Promise<boolean> {
    return runQuery(async () => {
      const { status, attempts, next_attempt_at, last_attempt_at, last_response_code, last_error } = delivery;
      const saved = await this.db
        .updateTable('webhook_deliveries')
        .set({ status, attempts, next_attempt_at, last_attempt_at, last_response_code, last_error, lease_until: null })
        .where('id', '=', delivery.id)
        .where('lease_until', '=', new Date(leaseUntil))
        .executeTakeFirst();
      if (saved.numUpdatedRows === 0n) return false;
      if (status === DeliveryStatus.PENDING) return true;
      // two processes pruning one webhook at once remove overlapping sets: harmless
      const finished = await this.db.selectFrom('webhook_deliveries').select(['id', 'status', 'created_at']).where('webhook_id', '=', delivery.webhook_id).where('status', '<>', DeliveryStatus.PENDING).execute();
      const old = prunable(finished.map((d) => ({ ...d, created_at: d.created_at.toISOString() })), keep);
      if (old.length > 0) await this.db.deleteFrom('webhook_deliveries').where('id', 'in', old).execute();
      return true;
    });
  }

  /** Records endpoints and deliveries kept elsewhere (their ids, secrets and states as they are); those it holds already are left alone. Returns how many of each were new. */
  insertMissing(endpoints: readonly WebhookEndpoint[], deliveries: readonly DeliveryRecord[]): Promise<{ endpoints: number; deliveries: number }> {
    return runQuery(() =>
      this.db.transaction().execute(async (trx) => {
        const added = { endpoints: 0, deliveries: 0 };
        if (endpoints.length > 0) added.endpoints = Number((await trx.insertInto('webhooks').values([...endpoints]).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n);
        if (deliveries.length > 0) added.deliveries = Number((await trx.insertInto('webhook_deliveries').values([...deliveries]).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0n);
        return added;
      }),
    );
  }
}
