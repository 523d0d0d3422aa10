import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { join } from 'node:path';
import { CatalogModule } from './catalog/catalog.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { formatGraphQLError } from './errors/graphql-error.formatter';
import { GraphQLErrorFilter } from './errors/graphql-error.filter';
import { InputValidationPipe } from './errors/validation-pipe';
import { ExplorerModule } from './explorer/explorer.module';
import { HealthModule } from './health/health.module';
import { MediaModule } from './media/media.module';
import { ProgressModule } from './progress/progress.module';
import { StorageModule } from './storage/storage.module';
import { TranscodeModule } from './transcode/transcode.module';
import { UploadModule } from './upload/upload.module';
import { WebAppModule } from './web/web-app.module';

/** Where the generated SDL is written; committed, and checked against the code by a test. */
export const SCHEMA_FILE = join(process.cwd(), 'libs/api-schema/schema.graphql');

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: { writeSchema?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        StorageModule,
        ProgressModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: options.writeSchema ? SCHEMA_FILE : true,
          sortSchema: true,
          playground: false,
          introspection: true,
          csrfPrevention: true,
          subscriptions: { 'graphql-ws': { path: '/graphql' } },
          formatError: formatGraphQLError,
        }),
        CatalogModule,
        TranscodeModule,
        UploadModule,
        MediaModule,
        HealthModule,
        ExplorerModule,
        WebAppModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }
}
