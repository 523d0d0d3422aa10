import { Controller, Get, HttpStatus, Logger, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EXPLORER_ASSET_BASE, EXPLORER_ASSETS } from './explorer-assets';

/**
 * Absolute paths of the explorer's files in node_modules. A runtime `require` from this
 * file's location: webpack leaves `createRequire(__filename)` alone (the server build
 * sets `node: false`, so `__filename` is the real main.js), whereas a literal
 * `require.resolve('graphiql/...')` would be turned into a bundle module id.
 */
function resolveAssetFiles(): Map<string, string> {
  const nodeRequire = createRequire(__filename);
  return new Map(
    [...EXPLORER_ASSETS].map(([name, asset]) => [name, join(dirname(nodeRequire.resolve(`${asset.packageName}/package.json`)), asset.file)]),
  );
}

/** Serves GraphiQL and its browser dependencies from the server's own node_modules. */
@Controller(EXPLORER_ASSET_BASE.slice(1))
export class ExplorerController {
  private readonly logger = new Logger(ExplorerController.name);
  private readonly files = resolveAssetFiles();

  @Get(':name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    const asset = EXPLORER_ASSETS.get(name);
    const file = this.files.get(name);
    if (!asset || !file) {
      res.status(HttpStatus.NOT_FOUND).type('text/plain').send('Not Found');
      return;
    }
    res.setHeader('Content-Type', asset.contentType);
    // Unversioned URLs: revalidate (a cheap 304 via the ETag) so a package upgrade shows at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file, { cacheControl: false }, (error?: Error) => {
      if (error && !res.headersSent) {
        this.logger.error({ event: 'explorer.asset_failed', name, error: error.message });
        res.status(HttpStatus.INTERNAL_SERVER_ERROR).type('text/plain').send('Internal Server Error');
      }
    });
  }
}
