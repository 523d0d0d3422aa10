import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { WEBHOOK_EVENT_TYPES, WebhookEventType } from '../webhook-event-type';

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;

@InputType({ description: 'Where to send which events.' })
export class CreateWebhookInput {
  @Field({ description: 'An http or https URL; receivers on private addresses need WEBHOOK_ALLOW_PRIVATE on the server.' })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH, { message: `The URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters` })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false, require_valid_protocol: true, allow_underscores: true, disallow_auth: true }, { message: 'The URL must be an http or https URL without user or password, such as https://example.com/hooks' })
  url!: string;

  @Field(() => [WebhookEventType])
  @ArrayMinSize(1, { message: 'Choose at least one event' })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique({ message: 'Each event may be listed once' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: `Each event must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX_LENGTH, { message: `The description must be at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters` })
  description?: string | null;
}
