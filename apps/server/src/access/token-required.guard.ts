import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { AccessPolicy } from './access-policy';

/**
 * For queries that reveal what only writers should see (webhook endpoints and deliveries): the
 * same token rule as mutations. Over graphql-ws there is no request here, and none is needed:
 * graphql-ws checks the token on every operation.
 */
@Injectable()
export class TokenRequiredGuard implements CanActivate {
  constructor(private readonly access: AccessPolicy) {}

  canActivate(context: ExecutionContext): boolean {
    const req = GqlExecutionContext.create(context).getContext<{ req?: Request }>().req;
    if (!req) return true;
    if (!this.access.mayWrite(req.headers.authorization)) throw this.access.refusal(req.headers.authorization);
    return true;
  }
}
