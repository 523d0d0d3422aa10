import { Module } from '@nestjs/common';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { HealthController } from './health.controller';

@Module({
  imports: [FfmpegModule],
  controllers: [HealthController],
})
export class HealthModule {}
