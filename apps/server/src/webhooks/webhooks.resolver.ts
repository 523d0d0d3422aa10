import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { TokenRequiredGuard } from '../access/token-required.guard';
import { ValidationError } from '../errors/domain-error';
import { listCost, pageCost } from '../graphql-limits/field-cost';
import { CreateWebhookInput } from './dto/create-webhook.input';
import { WebhookDeliveryConnection } from './models/webhook-delivery.model';
import { CreatedWebhook, Webhook } from './models/webhook.model';
import { toWebhook, toWebhookDelivery } from './webhook-mapper';
import { MAX_WEBHOOKS, WebhooksService } from './webhooks.service';

export const DELIVERIES_PAGE_DEFAULT = 20;
export const DELIVERIES_PAGE_MAX = 100;

/** Webhooks for integrators: every field needs the API token (mutations through the write rule, queries through the guard). */
@Resolver(() => Webhook)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Mutation(() => CreatedWebhook, { description: 'Registers an endpoint for playlist events. The signing secret is in this answer only.' })
  async createWebhook(@Args('input') input: CreateWebhookInput): Promise<CreatedWebhook> {
    const endpoint = await this.service.create(input);
    return { webhook: toWebhook(endpoint), secret: endpoint.secret };
  }

  @Mutation(() => ID, { description: 'Deletes a webhook and its deliveries; pending ones are not sent. Returns the id; NOT_FOUND if there is none.' })
  async deleteWebhook(@Args('id', { type: () => ID }) id: string): Promise<string> {
    await this.service.delete(id);
    return id;
  }

  @UseGuards(TokenRequiredGuard)
  @Query(() => [Webhook], { description: 'Registered webhooks, newest first (never their secrets). Needs the API token when the server has tokens.', complexity: listCost(MAX_WEBHOOKS) })
  async webhooks(): Promise<Webhook[]> {
    return (await this.service.list()).map(toWebhook);
  }

  @UseGuards(TokenRequiredGuard)
  @Query(() => WebhookDeliveryConnection, {
    description: `A webhook’s deliveries, newest first, at most ${DELIVERIES_PAGE_MAX} a page. Needs the API token when the server has tokens.`,
    complexity: pageCost('first', DELIVERIES_PAGE_MAX),
  })
  async webhookDeliveries(
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DELIVERIES_PAGE_DEFAULT }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    first ??= DELIVERIES_PAGE_DEFAULT;
    if (first < 1 || first > DELIVERIES_PAGE_MAX) throw new ValidationError('first', `first must be between 1 and ${DELIVERIES_PAGE_MAX}`);
    const page = await this.service.page(webhookId, first, after ?? null);
    return {
      nodes: page.items.map(toWebhookDelivery),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.items.at(-1)?.id ?? null },
      totalCount: page.totalCount,
    };
  }
}
