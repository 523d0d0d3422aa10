import { Module } from '@nestjs/common';
import { CatalogResolver } from './catalog.resolver';
import { CatalogService } from './catalog.service';
import { VariantResolver } from './variant.resolver';

@Module({
  providers: [CatalogService, CatalogResolver, VariantResolver],
  exports: [CatalogService],
})
export class CatalogModule {}
