import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import GraphQLUpload from 'graphql-upload/GraphQLUpload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';
import { Playlist } from '../catalog/models/playlist.model';
import { toPlaylist } from '../catalog/playlist-mapper';
import { ValidationError } from '../errors/domain-error';
import { UploadOptionsInput } from './dto/upload-options.input';
import { UploadService } from './upload.service';

@Resolver(() => Playlist)
export class UploadResolver {
  constructor(private readonly uploads: UploadService) {}

  @Mutation(() => Playlist, {
    description: 'Uploads a video (GraphQL multipart request spec). Returns once the file is stored and checked, with status QUEUED.',
  })
  async uploadVideo(
    @Args('file', { type: () => GraphQLUpload }) file: Promise<FileUpload>,
    @Args('options') options: UploadOptionsInput,
  ): Promise<Playlist> {
    const upload = await Promise.resolve(file).catch((error: Error) => {
      throw new ValidationError('file', `No file was received: ${error.message}`);
    });
    if (!upload || typeof upload.createReadStream !== 'function') throw new ValidationError('file', 'No file was received');
    return toPlaylist(await this.uploads.upload(upload, options));
  }

  @Mutation(() => ID, {
    description: 'Deletes a playlist and all its files, cancelling its job if one runs. Returns the deleted id; NOT_FOUND if there is none.',
  })
  async deletePlaylist(@Args('id', { type: () => ID }) id: string): Promise<string> {
    await this.uploads.delete(id);
    return id;
  }
}
