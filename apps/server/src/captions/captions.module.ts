import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CaptionsResolver } from './captions.resolver';
import { CaptionsService } from './captions.service';

/** Captions added to and removed from READY playlists; extraction from the source runs in the transcode pipeline. */
@Module({
  imports: [CatalogModule],
  providers: [CaptionsResolver, CaptionsService],
})
export class CaptionsModule {}
