import { Module } from '@nestjs/common';
import { MediaRequestHandler } from './media-request-handler';

/** `GET`/`HEAD`/`OPTIONS /media/<path>`: playlist files for players, from the global `Storage`; main.ts mounts it with serveMediaFirst. */
@Module({ providers: [MediaRequestHandler], exports: [MediaRequestHandler] })
export class MediaModule {}
