import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The uploaded file as ffprobe saw it.' })
export class SourceVideo {
  @Field()
  filename!: string;

  @Field(() => Float, { description: 'Size of the stored upload in bytes.' })
  sizeBytes!: number;

  @Field(() => Int, { description: 'Coded width in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'Coded height in pixels.' })
  height!: number;

  @Field(() => Int, { description: 'Width as displayed, after rotation and pixel aspect ratio.' })
  displayWidth!: number;

  @Field(() => Int, { description: 'Height as displayed, after rotation and pixel aspect ratio.' })
  displayHeight!: number;

  @Field(() => Int, { description: 'Rotation from the container metadata, in degrees clockwise.' })
  rotation!: number;

  @Field(() => Float, { description: 'Duration in seconds.' })
  duration!: number;

  @Field(() => Float)
  frameRate!: number;

  @Field()
  videoCodec!: string;

  @Field(() => String, { nullable: true })
  audioCodec!: string | null;

  @Field()
  hasAudio!: boolean;
}
