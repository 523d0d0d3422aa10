import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Whether this server asks for an API token, and whether the caller’s works.' })
export class AuthStatus {
  @Field({ description: 'True when mutations, uploads and subscriptions need `Authorization: Bearer <token>`.' })
  tokenRequired!: boolean;

  @Field({ description: 'True when this request may write: no token is required, or its token is valid.' })
  canWrite!: boolean;
}
