import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { HealthController } from './health.controller';

@Module({
  imports: [FfmpegModule, CatalogModule],
  controllers: [HealthController],
})
export class HealthModule {}
