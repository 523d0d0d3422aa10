import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Storage } from '../storage/storage';
import { Catalog } from './catalog';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { PostgresCatalog } from './postgres/postgres-catalog';
import { VariantResolver } from './variant.resolver';

@Module({
  providers: [
    // built by a factory so the catalog loads (or the database migrates) while other providers start (ffmpeg's checks wait on processes)
    {
      provide: Catalog,
      inject: [AppConfig, Storage],
      useFactory: async (config: AppConfig, storage: Storage): Promise<Catalog> => {
        if (config.DATABASE_URL) return PostgresCatalog.open(config.DATABASE_URL, storage);
        const catalog = new CatalogService(storage);
        await catalog.load();
        return catalog;
      },
    },
    CatalogResolver,
    VariantResolver,
  ],
  exports: [Catalog],
})
export class CatalogModule {}
