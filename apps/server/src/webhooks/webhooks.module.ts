import { Module } from '@nestjs/common';
import { WebhookDeliveryModule } from './webhook-delivery.module';
import { WebhooksResolver } from './webhooks.resolver';

/** Signed webhooks for playlist events: the GraphQL API over the delivery side. */
@Module({
  imports: [WebhookDeliveryModule],
  providers: [WebhooksResolver],
})
export class WebhooksModule {}
