import { signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Subject } from 'rxjs';
import {
  deliveryFixture,
  webhookFixture,
} from '../../testing/webhook-fixtures';
import { AuthService } from '../auth/auth.service';
import { WebhooksComponent } from './webhooks.component';
import {
  type Webhook,
  type WebhookDelivery,
  WebhooksService,
} from './webhooks.service';

describe('WebhooksComponent', () => {
  let fixture: ComponentFixture<WebhooksComponent>;
  let el: HTMLElement;
  const items = signal<readonly Webhook[]>([]);
  const deliveries = signal<Record<string, readonly WebhookDelivery[]>>({});
  let created: Subject<string>;
  const service = {
    items,
    deliveries,
    error: signal<string | null>(null),
    loaded: signal(true),
    load: jest.fn(),
    loadDeliveries: jest.fn(),
    create: jest.fn(() => (created = new Subject<string>())),
    delete: jest.fn(() => new Subject<boolean>()),
  };

  const q = (testId: string) =>
    el.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  const render = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };

  beforeEach(async () => {
    jest.clearAllMocks();
    items.set([]);
    deliveries.set({});
    TestBed.configureTestingModule({
      imports: [WebhooksComponent],
      providers: [
        provideRouter([]),
        { provide: WebhooksService, useValue: service },
        {
          provide: AuthService,
          useValue: {
            tokenRequired: signal(false),
            signedIn: signal(false),
            open: jest.fn(),
          },
        },
      ],
    });
    fixture = TestBed.createComponent(WebhooksComponent);
    el = fixture.nativeElement;
    await render();
  });

  it('loads the endpoints and says when there are none', () => {
    expect(service.load).toHaveBeenCalledTimes(1);
    expect(q('no-webhooks')?.textContent).toContain('No webhook yet');
  });

  it('creates a webhook for the chosen events and shows its secret once', async () => {
    const url = q('webhook-url') as HTMLInputElement;
    url.value = 'https://example.com/hooks';
    url.dispatchEvent(new Event('input'));
    const boxes = el.querySelectorAll<HTMLInputElement>(
      'input[type="checkbox"]',
    );
    boxes[1].checked = false;
    boxes[1].dispatchEvent(new Event('change'));
    q('webhook-form')?.dispatchEvent(new Event('submit'));
    await render();
    expect(service.create).toHaveBeenCalledWith({
      url: 'https://example.com/hooks',
      events: ['PLAYLIST_READY', 'PLAYLIST_FAILED', 'PLAYLIST_DELETED'],
    });
    created.next('whsec_shown_once');
    await render();
    expect(q('webhook-secret')?.textContent).toContain('whsec_shown_once');
    (q('webhook-secret')?.querySelector('button') as HTMLButtonElement).click();
    await render();
    expect(q('webhook-secret')).toBeNull();
  });

  it('shows the server’s refusal next to the form', async () => {
    const url = q('webhook-url') as HTMLInputElement;
    url.value = 'http://127.0.0.1/h';
    url.dispatchEvent(new Event('input'));
    q('webhook-form')?.dispatchEvent(new Event('submit'));
    created.error({
      errors: [{ message: '127.0.0.1 is a loopback address' }],
    });
    await render();
    expect(q('webhook-error')?.textContent).toContain('loopback address');
    expect(q('webhook-secret')).toBeNull();
  });

  it('deletes only on the second press', async () => {
    items.set([webhookFixture('wh_1')]);
    await render();
    q('delete-webhook')?.click();
    await render();
    expect(service.delete).not.toHaveBeenCalled();
    expect(q('delete-webhook')?.textContent).toContain('Delete for good?');
    q('delete-webhook')?.click();
    expect(service.delete).toHaveBeenCalledWith('wh_1');
  });

  it('shows a webhook’s recent deliveries with their status and last error', async () => {
    items.set([webhookFixture('wh_1')]);
    await render();
    const toggle = [
      ...el.querySelectorAll<HTMLButtonElement>(
        '[data-testid="webhook-item"] button',
      ),
    ].find((b) => b.textContent?.includes('Deliveries'));
    toggle?.click();
    expect(service.loadDeliveries).toHaveBeenCalledWith('wh_1');
    deliveries.set({
      wh_1: [
        deliveryFixture('d2', {
          status: 'FAILED',
          attempts: 1,
          lastResponseCode: null,
          lastError: 'localhost resolves to a loopback address',
        }),
        deliveryFixture('d1'),
      ],
    });
    await render();
    const rows = [
      ...el.querySelectorAll('[data-testid="deliveries"] tbody tr'),
    ].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      [
        'playlist.ready',
        'FAILED',
        '1',
        '—',
        'localhost resolves to a loopback address',
        '—',
      ],
      ['playlist.ready', 'DELIVERED', '1', '200', '', '—'],
    ]);
  });
});
