import { Module } from '@nestjs/common';
import { MediaController } from './media.controller';

/** `GET`/`HEAD`/`OPTIONS /media/<path>`: playlist files for players, from the global `Storage`. */
@Module({ controllers: [MediaController] })
export class MediaModule {}
