import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Catalog } from '../catalog/catalog';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { Storage } from '../storage/storage';

/**
 * Answers 200 when the server can serve: ffmpeg resolved, the media folder writable and the
 * catalog's database (when there is one) answering; otherwise 503, `down` naming what is not.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly storage: Storage,
    private readonly catalog: Catalog,
  ) {}

  @Get()
  async health(@Res() res: Response): Promise<void> {
    const [mediaWritable, database] = await Promise.all([
      this.storage.writeAtomic('.health', new Date().toISOString()).then(
        () => true,
        () => false,
      ),
      this.catalog.dependency(),
    ]);
    const down = [...(mediaWritable ? [] : ['media']), ...(database && !database.up ? [database.name] : [])];
    res.status(down.length === 0 ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: down.length === 0 ? 'ok' : 'unavailable',
      mediaWritable,
      ...(database && { [database.name]: database.up ? 'up' : 'down' }),
      down,
      ffmpeg: this.binaries.ffmpeg.version,
      ffprobe: this.binaries.ffprobe.version,
    });
  }
}
