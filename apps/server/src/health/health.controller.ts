import { Controller, Get, HttpStatus, Optional, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Catalog } from '../catalog/catalog';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { RedisConnections } from '../redis/redis-connections';
import { Storage } from '../storage/storage';

/**
 * Answers 200 when the server can serve: ffmpeg resolved, the media folder writable, and Redis and
 * the catalog's database (when they are used) answering; otherwise 503, `down` naming what is not.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly storage: Storage,
    private readonly catalog: Catalog,
    @Optional() private readonly redis?: RedisConnections,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [mediaWritable, database, redisUp] = await Promise.all([
      this.storage.writeAtomic('.health', new Date().toISOString()).then(
        () => true,
        () => false,
      ),
      this.catalog.dependency(),
      this.redis?.ping(),
    ]);
    const dependencies = [...(redisUp === undefined ? [] : [{ name: 'redis', up: redisUp }]), ...(database ? [database] : [])];
    const down = [...(mediaWritable ? [] : ['media']), ...dependencies.filter((dependency) => !dependency.up).map((dependency) => dependency.name)];
    res.status(down.length === 0 ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: down.length === 0 ? 'ok' : 'unavailable',
      mediaWritable,
      ...Object.fromEntries(dependencies.map((dependency) => [dependency.name, dependency.up ? 'up' : 'down'])),
      down,
      ffmpeg: this.binaries.ffmpeg.version,
      ffprobe: this.binaries.ffprobe.version,
    });
  }
}
