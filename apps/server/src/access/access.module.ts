import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from './access-policy';
import { AuthResolver } from './auth.resolver';

/** Who may write: the policy every entry point asks (GraphQL, uploads, graphql-ws), and the public `auth` query. */
@Module({
  providers: [{ provide: AccessPolicy, useFactory: (config: AppConfig) => new AccessPolicy(config), inject: [AppConfig] }, AuthResolver],
  exports: [AccessPolicy],
})
export class AccessModule {}
