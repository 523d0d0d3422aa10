import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Playlist } from '../catalog/models/playlist.model';
import { toPlaylist } from '../catalog/playlist-mapper';
import { ValidationError } from '../errors/domain-error';
import { CAPTION_LABEL_MAX_LENGTH, CAPTION_MAX_BYTES } from './caption-rules';
import { CaptionsService } from './captions.service';

@Resolver(() => Playlist)
export class CaptionsResolver {
  constructor(private readonly captions: CaptionsService) {}

  @Mutation(() => Playlist, {
    description: `Adds a WebVTT or SubRip caption file (GraphQL multipart request spec; SubRip is converted to WebVTT) to a READY playlist, replacing the one in the same language. UTF-8, at most ${CAPTION_MAX_BYTES / 1024} KB, at least one cue; label at most ${CAPTION_LABEL_MAX_LENGTH} characters.`,
  })
  async addCaption(
    @Args('playlistId', { type: () => ID }) playlistId: string,
    @Args('language', { description: 'BCP 47 language tag, e.g. "en", "pt-BR".' }) language: string,
    @Args('label', { description: 'What players show in their captions menu, e.g. "English (SDH)".' }) label: string,
    @Args('file', { type: () => GraphQLUpload }) file: Promise<FileUpload>,
  ): Promise<Playlist> {
    const upload = await Promise.resolve(file).catch((error: Error) => {
      throw new ValidationError('file', `No file was received: ${error.message}`);
    });
    if (!upload || typeof upload.createReadStream !== 'function') throw new ValidationError('file', 'No file was received');
    return toPlaylist(await this.captions.add(playlistId, { language, label }, upload));
  }

  @Mutation(() => Playlist, { description: 'Removes the caption in this language (uploaded or extracted); NOT_FOUND if there is none.' })
  async removeCaption(@Args('playlistId', { type: () => ID }) playlistId: string, @Args('language') language: string): Promise<Playlist> {
    return toPlaylist(await this.captions.remove(playlistId, language));
  }
}
