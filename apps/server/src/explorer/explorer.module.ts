import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ExplorerController } from './explorer.controller';
import { ExplorerPageMiddleware } from './explorer-page.middleware';

/**
 * GraphiQL at `/graphql` for browsers, with every asset served locally from
 * `/graphql/explorer/*`. Nest registers module middleware and controllers before
 * GraphQLModule starts Apollo (which happens in `onModuleInit`), so both run first;
 * requests they do not answer (POST, GET with `query`, non-HTML Accept) and WebSocket
 * upgrades still reach Apollo. Set `playground: false` so Apollo adds no landing page.
 */
@Module({ controllers: [ExplorerController] })
export class ExplorerModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ExplorerPageMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}
