import { Module } from '@nestjs/common';
import { Storage } from '../storage/storage';
import { HeldReloads } from './held-reloads';
import { MediaRequestHandler } from './media-request-handler';

/** `GET`/`HEAD`/`OPTIONS /media/<path>`: playlist files for players, from the global `Storage`; main.ts mounts it with serveMediaFirst. */
@Module({
  providers: [{ provide: HeldReloads, useFactory: (storage: Storage) => new HeldReloads(storage), inject: [Storage] }, MediaRequestHandler],
  exports: [MediaRequestHandler],
})
export class MediaModule {}
