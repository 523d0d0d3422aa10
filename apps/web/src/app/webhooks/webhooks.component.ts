// The Webhooks page: register endpoints, show a new one's secret once, delete them, see recent deliveries.
import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WebhookEventType } from '@cmm/api-schema';
import { AuthService } from '../auth/auth.service';
import {
  WEBHOOK_EVENTS,
  type Webhook,
  WebhooksService,
  errorMessage,
} from './webhooks.service';

@Component({
  selector: 'cmm-webhooks',
  imports: [RouterLink],
  templateUrl: './webhooks.component.html',
  styleUrl: './webhooks.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WebhooksComponent implements OnInit {
  protected readonly webhooks = inject(WebhooksService);
  protected readonly auth = inject(AuthService);
  protected readonly events = WEBHOOK_EVENTS;

  protected readonly url = signal('');
  protected readonly chosen = signal<ReadonlySet<WebhookEventType>>(
    new Set(WEBHOOK_EVENTS.map((e) => e.value)),
  );
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** The secret of the webhook just created: shown until dismissed, never again. */
  protected readonly secret = signal<{ url: string; secret: string } | null>(
    null,
  );
  protected readonly open = signal<string | null>(null);
  /** The webhook whose Delete was pressed once: a second press deletes it. */
  protected readonly confirming = signal<string | null>(null);

  ngOnInit(): void {
    this.webhooks.load();
  }

  protected toggleEvent(value: WebhookEventType, on: boolean): void {
    this.chosen.update((set) => {
      const next = new Set(set);
      if (on) next.add(value);
      else next.delete(value);
      return next;
    });
  }

  protected create(event: Event): void {
    event.preventDefault();
    const url = this.url().trim();
    const events = WEBHOOK_EVENTS.map((e) => e.value).filter((v) =>
      this.chosen().has(v),
    );
    if (!url)
      return this.formError.set('Enter the URL that should receive events.');
    if (!events.length) return this.formError.set('Choose at least one event.');
    this.saving.set(true);
    this.formError.set(null);
    this.webhooks.create({ url, events }).subscribe({
      next: (secret) => {
        this.saving.set(false);
        this.secret.set({ url, secret });
        this.url.set('');
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.formError.set(errorMessage(error));
      },
    });
  }

  protected remove(webhook: Webhook): void {
    if (this.confirming() !== webhook.id)
      return this.confirming.set(webhook.id);
    this.confirming.set(null);
    this.webhooks.delete(webhook.id).subscribe({
      error: (error: unknown) => this.formError.set(errorMessage(error)),
    });
  }

  /** Opens a webhook's recent deliveries (read afresh each time), or closes them. */
  protected toggleDeliveries(id: string): void {
    if (this.open() === id) return this.open.set(null);
    this.open.set(id);
    this.webhooks.loadDeliveries(id);
  }

  protected eventLabel(value: string): string {
    return this.events.find((e) => e.value === value)?.label ?? value;
  }
}
