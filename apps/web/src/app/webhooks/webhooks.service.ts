// Webhook endpoints and their deliveries: apollo-angular behind one service that owns the page's state.
import { Injectable, inject, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  CreateWebhookDocument,
  DeleteWebhookDocument,
  WebhookDeliveriesDocument,
  type WebhookDeliveryFieldsFragment,
  type WebhookEventType,
  type WebhookFieldsFragment,
  WebhooksDocument,
} from '@cmm/api-schema';
import { type Observable, map, tap } from 'rxjs';

export type Webhook = WebhookFieldsFragment;
export type WebhookDelivery = WebhookDeliveryFieldsFragment;

export const WEBHOOK_EVENTS: readonly {
  value: WebhookEventType;
  label: string;
}[] = [
  { value: 'PLAYLIST_READY', label: 'playlist.ready' },
  { value: 'PLAYLIST_PLAYABLE', label: 'playlist.playable' },
  { value: 'PLAYLIST_FAILED', label: 'playlist.failed' },
  { value: 'PLAYLIST_DELETED', label: 'playlist.deleted' },
];

/** Deliveries shown per webhook: the most recent ones. */
export const RECENT_DELIVERIES = 20;

/** The message of a failed operation, as the server worded it. */
export function errorMessage(error: unknown): string {
  const errors = (error as { errors?: readonly { message: string }[] })?.errors;
  if (errors?.length) return errors.map((e) => e.message).join(' ');
  return error instanceof Error ? error.message : String(error);
}

@Injectable({ providedIn: 'root' })
export class WebhooksService {
  private readonly apollo = inject(Apollo);

  private readonly itemsState = signal<readonly Webhook[]>([]);
  private readonly deliveriesState = signal<
    Readonly<Record<string, readonly WebhookDelivery[]>>
  >({});
  private readonly errorState = signal<string | null>(null);
  private readonly loadedState = signal(false);

  /** Registered webhooks, newest first. */
  readonly items = this.itemsState.asReadonly();
  /** Recent deliveries per webhook id, for those whose deliveries were asked for. */
  readonly deliveries = this.deliveriesState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly loaded = this.loadedState.asReadonly();

  load(): void {
    this.apollo
      .query({ query: WebhooksDocument, fetchPolicy: 'network-only' })
      .subscribe({
        next: (result) => {
          this.itemsState.set(result.data?.webhooks ?? []);
          this.errorState.set(null);
          this.loadedState.set(true);
        },
        error: (error: unknown) => {
          this.errorState.set(errorMessage(error));
          this.loadedState.set(true);
        },
      });
  }

  /** Registers a webhook; emits its signing secret, which the server shows only this once. */
  create(input: {
    url: string;
    events: WebhookEventType[];
    description?: string | null;
  }): Observable<string> {
    return this.apollo
      .mutate({ mutation: CreateWebhookDocument, variables: { input } })
      .pipe(
        map((result) => {
          const created = result.data?.createWebhook;
          if (!created) throw new Error('The server returned no webhook');
          return created;
        }),
        tap((created) =>
          this.itemsState.update((items) => [created.webhook, ...items]),
        ),
        map((created) => created.secret),
      );
  }

  delete(id: string): Observable<boolean> {
    return this.apollo
      .mutate({ mutation: DeleteWebhookDocument, variables: { id } })
      .pipe(
        map((result) => result.data?.deleteWebhook === id),
        tap((deleted) => {
          if (!deleted) return;
          this.itemsState.update((items) => items.filter((w) => w.id !== id));
          this.deliveriesState.update((all) =>
            Object.fromEntries(
              Object.entries(all).filter(([webhookId]) => webhookId !== id),
            ),
          );
        }),
      );
  }

  loadDeliveries(webhookId: string): void {
    this.apollo
      .query({
        query: WebhookDeliveriesDocument,
        variables: { webhookId, first: RECENT_DELIVERIES },
        fetchPolicy: 'network-only',
      })
      .subscribe({
        next: (result) =>
          this.deliveriesState.update((all) => ({
            ...all,
            [webhookId]: result.data?.webhookDeliveries.nodes ?? [],
          })),
        error: (error: unknown) => this.errorState.set(errorMessage(error)),
      });
  }
}
