import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { Storage } from '../storage/storage';

/** Answers 200 when the server can serve: ffmpeg resolved and the media folder writable. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly storage: Storage,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    let mediaWritable = true;
    try {
      await this.storage.writeAtomic('.health', new Date().toISOString());
    } catch {
      mediaWritable = false;
    }
    res.status(mediaWritable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: mediaWritable ? 'ok' : 'unavailable',
      mediaWritable,
      ffmpeg: this.binaries.ffmpeg.version,
      ffprobe: this.binaries.ffprobe.version,
    });
  }
}
