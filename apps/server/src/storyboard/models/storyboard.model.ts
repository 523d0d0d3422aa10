import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Thumbnails for previews while seeking: JPEG sheets of tiled frames and a WebVTT track saying which tile shows which time.' })
export class Storyboard {
  @Field({ description: 'WebVTT thumbnails track: one cue per thumbnail whose text is its sheet’s URL (relative to the track) with #xywh=x,y,width,height.' })
  vttUrl!: string;

  @Field(() => [String], { description: 'The sheets in order; thumbnail k is on sheet floor(k / (columns × rows)).' })
  spriteUrls!: string[];

  @Field(() => Float, { description: 'Seconds between thumbnails: thumbnail k shows the video at k × interval.' })
  interval!: number;

  @Field(() => Int, { description: 'How many thumbnails there are.' })
  count!: number;

  @Field(() => Int, { description: 'One thumbnail’s width in pixels.' })
  width!: number;

  @Field(() => Int, { description: 'One thumbnail’s height in pixels.' })
  height!: number;

  @Field(() => Int, { description: 'Thumbnails per row of a sheet, left to right.' })
  columns!: number;

  @Field(() => Int, { description: 'Rows per sheet, top to bottom.' })
  rows!: number;
}
