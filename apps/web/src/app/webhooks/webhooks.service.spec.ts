import { TestBed } from '@angular/core/testing';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { firstValueFrom } from 'rxjs';
import {
  deliveryFixture,
  webhookFixture,
} from '../../testing/webhook-fixtures';
import {
  RECENT_DELIVERIES,
  WebhooksService,
  errorMessage,
} from './webhooks.service';

/** Apollo Client delivers results asynchronously. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('WebhooksService', () => {
  let service: WebhooksService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    service = TestBed.inject(WebhooksService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  it('loads the endpoints', async () => {
    service.load();
    expect(service.loaded()).toBe(false);
    apollo.expectOne('Webhooks').flushData({
      webhooks: [webhookFixture('wh_2'), webhookFixture('wh_1')],
    });
    await settle();
    expect(service.loaded()).toBe(true);
    expect(service.items().map((w) => w.id)).toEqual(['wh_2', 'wh_1']);
  });

  it('reports the server’s message when the list is refused', async () => {
    service.load();
    apollo.expectOne('Webhooks').graphqlErrors([
      new GraphQLError('This server accepts writes only with an API token', {
        extensions: { code: 'UNAUTHENTICATED' },
      }),
    ]);
    await settle();
    expect(service.error()).toMatch(/only with an API token/);
    expect(service.items()).toEqual([]);
  });

  it('creates a webhook, lists it first and hands back its secret', async () => {
    const secret = firstValueFrom(
      service.create({
        url: 'https://example.com/new',
        events: ['PLAYLIST_READY'],
      }),
    );
    const op = apollo.expectOne('CreateWebhook');
    expect(op.operation.variables).toEqual({
      input: { url: 'https://example.com/new', events: ['PLAYLIST_READY'] },
    });
    op.flushData({
      createWebhook: {
        __typename: 'CreatedWebhook',
        secret: 'whsec_abc',
        webhook: webhookFixture('wh_new', 'https://example.com/new'),
      },
    });
    expect(await secret).toBe('whsec_abc');
    expect(service.items().map((w) => w.id)).toEqual(['wh_new']);
  });

  it('deletes a webhook and forgets its deliveries', async () => {
    service.load();
    apollo
      .expectOne('Webhooks')
      .flushData({ webhooks: [webhookFixture('wh_1')] });
    await settle();
    service.loadDeliveries('wh_1');
    apollo.expectOne('WebhookDeliveries').flushData({
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        totalCount: 1,
        nodes: [deliveryFixture('d1')],
      },
    });
    await settle();
    const deleted = firstValueFrom(service.delete('wh_1'));
    apollo.expectOne('DeleteWebhook').flushData({ deleteWebhook: 'wh_1' });
    expect(await deleted).toBe(true);
    expect(service.items()).toEqual([]);
    expect(service.deliveries()).toEqual({});
  });

  it(`reads the ${RECENT_DELIVERIES} most recent deliveries of a webhook`, async () => {
    service.loadDeliveries('wh_1');
    const op = apollo.expectOne('WebhookDeliveries');
    expect(op.operation.variables).toEqual({
      webhookId: 'wh_1',
      first: RECENT_DELIVERIES,
    });
    op.flushData({
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        totalCount: 2,
        nodes: [
          deliveryFixture('d2', {
            status: 'PENDING',
            attempts: 2,
            lastResponseCode: 500,
            lastError: 'HTTP 500',
          }),
          deliveryFixture('d1'),
        ],
      },
    });
    await settle();
    expect(
      service.deliveries()['wh_1'].map((d) => [d.id, d.status, d.attempts]),
    ).toEqual([
      ['d2', 'PENDING', 2],
      ['d1', 'DELIVERED', 1],
    ]);
  });
});

describe('errorMessage', () => {
  it.each<[string, unknown, string]>([
    [
      'GraphQL errors, joined',
      { errors: [{ message: 'a' }, { message: 'b' }] },
      'a b',
    ],
    ['an Error', new Error('offline'), 'offline'],
    ['anything else', 'nope', 'nope'],
  ])('%s', (_name, error, message) => {
    expect(errorMessage(error)).toBe(message);
  });
});
