import { Field, ID, ObjectType } from '@nestjs/graphql';
import { WebhookEventType } from '../webhook-event-type';

@ObjectType({ description: 'An endpoint that receives signed POSTs for the events it subscribed to. Its signing secret is shown once, by createWebhook.' })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [WebhookEventType])
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  createdAt!: Date;
}

@ObjectType({ description: 'A new webhook with its signing secret: keep the secret now, it is never shown again.' })
export class CreatedWebhook {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field({ description: 'The Standard Webhooks signing secret (`whsec_…`) that verifies `webhook-signature`.' })
  secret!: string;
}
