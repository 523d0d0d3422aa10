import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CaptionSource {
  UPLOADED = 'UPLOADED',
  EXTRACTED = 'EXTRACTED',
}

registerEnumType(CaptionSource, {
  name: 'CaptionSource',
  description: 'Where a caption came from: `addCaption`, or a text subtitle track of the uploaded video.',
});

@ObjectType({ description: 'A WebVTT captions track, one per language, served in the HLS subtitle group and as a DASH text adaptation set.' })
export class Caption {
  @Field({ description: 'BCP 47 language tag, e.g. "en" or "pt-BR"; unique in the playlist.' })
  language!: string;

  @Field({ description: 'What players show in their captions menu.' })
  label!: string;

  @Field({ description: 'The WebVTT file (text/vtt).' })
  url!: string;

  @Field({ description: 'Its HLS media playlist, as the master playlist lists it.' })
  playlistUrl!: string;

  @Field(() => CaptionSource)
  source!: CaptionSource;
}

@ObjectType({ description: 'A subtitle track of the uploaded video that was not made into captions.' })
export class SkippedSubtitle {
  @Field(() => Int, { description: 'The stream’s index in the source file.' })
  streamIndex!: number;

  @Field({ description: 'ffmpeg’s codec name, e.g. "hdmv_pgs_subtitle".' })
  codec!: string;

  @Field(() => String, { nullable: true, description: 'Its language tag as the source gives it.' })
  language!: string | null;

  @Field()
  reason!: string;
}
