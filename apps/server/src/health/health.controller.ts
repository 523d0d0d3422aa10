import { Controller, Get, HttpStatus, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { RedisConnections } from '../redis/redis-connections';
import { Storage } from '../storage/storage';

/** Answers 200 when the server can serve: ffmpeg resolved, the media folder writable, and Redis answering when it is used. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly storage: Storage,
    @Optional() private readonly redis?: RedisConnections,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    let mediaWritable = true;
    try {
      await this.storage.writeAtomic('.health', new Date().toISOString());
    } catch {
      mediaWritable = false;
    }
    const redis = this.redis ? ((await this.redis.ping()) ? 'up' : 'down') : undefined;
    const ok = mediaWritable && redis !== 'down';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: ok ? 'ok' : 'unavailable',
      mediaWritable,
      ...(redis ? { redis } : {}),
      ffmpeg: this.binaries.ffmpeg.version,
      ffprobe: this.binaries.ffprobe.version,
    });
  }
}
