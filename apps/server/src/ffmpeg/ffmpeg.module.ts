import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { MediaProbe } from './media-probe';
import { ProcessRunner } from './process-runner';

/** ffmpeg and ffprobe: which binaries, how to run them, and probing. Start-up fails when no working ffmpeg is found. */
@Module({
  providers: [
    ProcessRunner,
    {
      provide: FfmpegBinaries,
      inject: [AppConfig, ProcessRunner],
      useFactory: (config: AppConfig, runner: ProcessRunner) => FfmpegBinaries.resolve(config, runner, process.env['PATH']),
    },
    MediaProbe,
  ],
  exports: [ProcessRunner, FfmpegBinaries, MediaProbe],
})
export class FfmpegModule {}
