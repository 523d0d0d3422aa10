import { DynamicModule, Module } from '@nestjs/common';
import { AccessPolicy, AccessSettings } from './access-policy';
import { AuthResolver } from './auth.resolver';

/** Who may write: the policy every entry point asks (GraphQL, uploads, graphql-ws), and the public `auth` query. Global, so any feature's guard can ask it. */
@Module({})
export class AccessModule {
  static forRoot(settings: AccessSettings): DynamicModule {
    return {
      module: AccessModule,
      global: true,
      providers: [{ provide: AccessPolicy, useValue: new AccessPolicy(settings) }, AuthResolver],
      exports: [AccessPolicy],
    };
  }
}
