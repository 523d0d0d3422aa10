import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { TranscodeModule } from '../transcode/transcode.module';
import { UploadResolver } from './upload.resolver';
import { UploadService } from './upload.service';

@Module({
  imports: [CatalogModule, FfmpegModule, TranscodeModule],
  providers: [UploadResolver, UploadService],
  exports: [UploadService],
})
export class UploadModule {}
