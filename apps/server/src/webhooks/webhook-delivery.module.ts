import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/app-config';
import { Storage } from '../storage/storage';
import { OutboundHttp } from './outbound-http';
import { PostgresWebhookStore } from './postgres/postgres-webhook-store';
import { StorageWebhookStore } from './storage-webhook-store';
import { WebhookStore } from './webhook-store';
import { WebhooksService } from './webhooks.service';

/**
 * The delivery side of webhooks, in every process that changes the catalog (ROLE=all, api and
 * worker): it records the events of its own changes and attempts due deliveries. Kept under
 * MEDIA_DIR/.webhooks by default, in PostgreSQL with DATABASE_URL.
 */
@Module({
  imports: [CatalogModule],
  providers: [
    {
      provide: WebhookStore,
      inject: [AppConfig, Storage],
      useFactory: async (config: AppConfig, storage: Storage): Promise<WebhookStore> => {
        if (config.DATABASE_URL) return PostgresWebhookStore.open(config.DATABASE_URL);
        const store = new StorageWebhookStore(storage);
        await store.load();
        return store;
      },
    },
    { provide: OutboundHttp, inject: [AppConfig], useFactory: (config: AppConfig) => new OutboundHttp({ allowPrivate: config.WEBHOOK_ALLOW_PRIVATE, timeoutMs: config.WEBHOOK_TIMEOUT_MS }) },
    WebhooksService,
  ],
  exports: [WebhooksService],
})
export class WebhookDeliveryModule {}
