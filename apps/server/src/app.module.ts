import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, ModuleRef } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { join } from 'node:path';
import { AccessModule } from './access/access.module';
import { AccessPolicy } from './access/access-policy';
import { CaptionsModule } from './captions/captions.module';
import { CatalogModule } from './catalog/catalog.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { GraphQLErrorFilter } from './errors/graphql-error.filter';
import { InputValidationPipe } from './errors/validation-pipe';
import { ExplorerModule } from './explorer/explorer.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { MediaModule } from './media/media.module';
import { ProgressModule } from './progress/progress.module';
import { RedisModule } from './redis/redis.module';
import { ResumableUploadModule } from './resumable-upload/resumable-upload.module';
import { StorageModule } from './storage/storage.module';
import { TranscodeModule } from './transcode/transcode.module';
import { UploadModule } from './upload/upload.module';
import { WebhookDeliveryModule } from './webhooks/webhook-delivery.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebAppModule } from './web/web-app.module';

/** Where the generated SDL is written; committed, and checked against the code by a test. */
export const SCHEMA_FILE = join(process.cwd(), 'libs/api-schema/schema.graphql');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { writeSchema?: boolean } = {}): DynamicModule {
    const shared = [ConfigModule.forRoot(config), ...(config.REDIS_URL ? [RedisModule] : []), StorageModule, ProgressModule];
    // A worker takes jobs, sends the webhooks its changes raise and answers /health: no GraphQL, uploads or media.
    if (config.ROLE === 'worker') return { module: AppModule, imports: [...shared, CatalogModule, TranscodeModule, WebhookDeliveryModule, HealthModule] };
    const access = AccessModule.forRoot(config);
    return {
      module: AppModule,
      imports: [
        ...shared,
        access,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [access],
          inject: [AccessPolicy, ModuleRef],
          useFactory: (access: AccessPolicy, moduleRef: ModuleRef) => ({
            ...graphqlOptions(config, access, () => moduleRef.get(GraphQLSchemaHost, { strict: false }).schema),
            autoSchemaFile: options.writeSchema ? SCHEMA_FILE : true,
          }),
        }),
        CatalogModule,
        TranscodeModule,
        UploadModule,
        WebhooksModule,
        CaptionsModule,
        ResumableUploadModule,
        MediaModule,
        HealthModule,
        ...(config.GRAPHQL_EXPLORER ? [ExplorerModule] : []),
        WebAppModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
