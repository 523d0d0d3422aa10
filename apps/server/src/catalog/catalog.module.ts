import { Module } from '@nestjs/common';
import { Storage } from '../storage/storage';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { VariantResolver } from './variant.resolver';

@Module({
  providers: [
    // built by a factory so the catalog loads while other providers start (ffmpeg's checks wait on processes)
    {
      provide: CatalogService,
      inject: [Storage],
      useFactory: async (storage: Storage) => {
        const catalog = new CatalogService(storage);
        await catalog.load();
        return catalog;
      },
    },
    CatalogResolver,
    VariantResolver,
  ],
  exports: [CatalogService],
})
export class CatalogModule {}
