import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/app-config';
import { Storage } from '../storage/storage';
import { OutboundHttp } from './outbound-http';
import { StorageWebhookStore } from './storage-webhook-store';
import { WebhookStore } from './webhook-store';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

/** Signed webhooks for playlist events, kept under MEDIA_DIR/.webhooks by default. */
@Module({
  imports: [CatalogModule],
  providers: [
    { provide: WebhookStore, inject: [Storage], useFactory: (storage: Storage) => new StorageWebhookStore(storage) },
    { provide: OutboundHttp, inject: [AppConfig], useFactory: (config: AppConfig) => new OutboundHttp({ allowPrivate: config.WEBHOOK_ALLOW_PRIVATE, timeoutMs: config.WEBHOOK_TIMEOUT_MS }) },
    WebhooksService,
    WebhooksResolver,
  ],
})
export class WebhooksModule {}
