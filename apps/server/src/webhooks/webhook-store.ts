import type { DeliveryRecord, RaisedEvent, WebhookEndpoint } from './webhook-records';

/** A delivery claimed for one attempt, with its endpoint's address and secret as the store holds them now. */
export interface ClaimedDelivery {
  delivery: DeliveryRecord;
  url: string;
  secret: string;
  /** The claim's end (ISO): the attempt is recorded only while the claim on the delivery is still this one. */
  leaseUntil: string;
}

export interface DeliveryPage {
  items: DeliveryRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Where endpoints and deliveries are kept, and the one place that says which delivery is due for
 * whom. Files in the media folder (StorageWebhookStore) serve the single process of the embedded
 * default; PostgreSQL (PostgresWebhookStore) is shared by every API and worker process, each
 * attempt made by the one process holding the delivery's claim.
 */
export abstract class WebhookStore {
  /** Newest first. */
  abstract endpoints(): Promise<WebhookEndpoint[]>;
  abstract endpoint(id: string): Promise<WebhookEndpoint | null>;
  /** Adds the endpoint unless `limit` are kept already: false then. */
  abstract addEndpoint(endpoint: WebhookEndpoint, limit: number): Promise<boolean>;
  /** Removes the endpoint and every delivery it has: false when there was none. */
  abstract removeEndpoint(id: string): Promise<boolean>;
  /** Records a pending delivery of `event` for each endpoint subscribed to its type at this moment, and returns them. */
  abstract addDeliveries(event: RaisedEvent): Promise<DeliveryRecord[]>;
  /** A webhook's deliveries newest first, `first` of them after the delivery `after`; null when `after` is not among them. */
  abstract deliveries(webhookId: string, first: number, after: string | null): Promise<DeliveryPage | null>;
  /** Claims up to `limit` pending deliveries due at `now`, oldest due first, until `leaseUntil`: no other claim gets them before then. */
  abstract claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]>;
  /** When the next pending delivery can be claimed (due, and its claim lapsed), null when none is pending. */
  abstract nextClaimableAt(): Promise<Date | null>;
  /**
   * Records an attempt and frees the delivery if the claim on it is still `leaseUntil` (false when
   * another process took it over, or the webhook is gone); a finished delivery makes the webhook's
   * finished ones beyond the `keep` newest go.
   */
  abstract saveAttempt(delivery: DeliveryRecord, leaseUntil: string, keep: number): Promise<boolean>;
}
