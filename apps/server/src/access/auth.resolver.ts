import { Context, Query, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { AccessPolicy } from './access-policy';
import { AuthStatus } from './models/auth-status.model';

@Resolver(() => AuthStatus)
export class AuthResolver {
  constructor(private readonly access: AccessPolicy) {}

  /** Public, like every query: clients ask before writing, and check a token someone typed. */
  @Query(() => AuthStatus, { description: 'Whether writing needs an API token, and whether this request’s token is accepted.' })
  auth(@Context('req') req: Request): AuthStatus {
    return { tokenRequired: this.access.tokenRequired, canWrite: this.access.mayWrite(req.headers.authorization) };
  }
}
