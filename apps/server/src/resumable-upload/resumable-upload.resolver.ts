import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { UploadOptionsInput } from '../upload/dto/upload-options.input';
import { ResumableFileInput } from './dto/resumable-file.input';
import { ResumableUpload } from './models/resumable-upload.model';
import { ResumableUploadService } from './resumable-upload.service';

@Resolver(() => ResumableUpload)
export class ResumableUploadResolver {
  constructor(private readonly resumable: ResumableUploadService) {}

  @Mutation(() => ResumableUpload, {
    description:
      'Creates a resumable upload (tus 1.0) for a file of the given name and size, with options checked as `uploadVideo` checks them. Once its last byte arrives the file is processed as an `uploadVideo` file is.',
  })
  async createResumableUpload(@Args('file') file: ResumableFileInput, @Args('options') options: UploadOptionsInput): Promise<ResumableUpload> {
    return this.resumable.create(file, options);
  }
}
