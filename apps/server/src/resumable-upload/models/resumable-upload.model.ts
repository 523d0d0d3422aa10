import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A resumable upload, created empty: send its bytes to `uploadUrl` with the tus 1.0 protocol (HEAD for the offset, PATCH from it).' })
export class ResumableUpload {
  @Field(() => ID, { description: 'The playlist the upload becomes once its last byte arrives; follow it with `processingProgress` from then on.' })
  playlistId!: string;

  @Field(() => String, { description: 'The tus upload URL, relative to the server (`/uploads/tus/<id>`).' })
  uploadUrl!: string;

  @Field(() => Date, { description: 'When an unfinished upload is removed.' })
  expiresAt!: Date;
}
