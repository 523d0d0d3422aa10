import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../catalog/models/playlist-connection.model';
import { WebhookEventType } from '../webhook-event-type';
import { DeliveryStatus } from '../webhook-records';

registerEnumType(DeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'PENDING until the receiver answers 2xx (DELIVERED) or the attempts are used up or the address is refused (FAILED).',
});

@ObjectType({ description: 'One event sent to one webhook, with its attempts so far.' })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The event’s id, sent as `webhook-id` on every attempt: receivers de-duplicate with it.' })
  eventId!: string;

  @Field(() => WebhookEventType)
  eventType!: WebhookEventType;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once DELIVERED or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last answer; null if there was none.' })
  lastResponseCode!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt did not deliver: the status and the start of the answer, a network error, a timeout or a refused address.' })
  lastError!: string | null;

  @Field({ description: 'The JSON body sent, the same on every attempt.' })
  payload!: string;
}

@ObjectType({ description: 'A webhook’s deliveries, newest first.' })
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDelivery])
  nodes!: WebhookDelivery[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
