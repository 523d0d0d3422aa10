import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { LocalDiskStorage } from './local-disk-storage';
import { Storage } from './storage';

@Global()
@Module({
  providers: [{ provide: Storage, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(config.MEDIA_DIR) }],
  exports: [Storage],
})
export class StorageModule {}
