import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { listCost } from '../../graphql-limits/field-cost';
import { MAX_RUNGS } from '../../catalog/list-bounds';
import { PlaylistStatus } from '../../catalog/models/playlist-status.enum';

@ObjectType({ description: 'Progress of one rung. All rungs are encoded by one ffmpeg process, so they advance together.' })
export class RungProgress {
  @Field()
  label!: string;

  @Field(() => Int)
  height!: number;

  @Field(() => Float)
  percent!: number;
}

@ObjectType({ description: 'A snapshot of a playlist’s processing, pushed by the processingProgress subscription.' })
export class ProcessingProgress {
  @Field(() => ID)
  playlistId!: string;

  @Field(() => PlaylistStatus)
  status!: PlaylistStatus;

  @Field(() => Float, { description: 'Overall percent, 0 to 100.' })
  percent!: number;

  @Field(() => [RungProgress], { complexity: listCost(MAX_RUNGS) })
  rungs!: RungProgress[];

  @Field({ description: 'Whether the playlist can be played yet. The first snapshot with true is the PLAYABLE moment: the growing stream is published while the rest encodes.' })
  playable!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the playlist became playable.' })
  playableAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Encoding speed as a multiple of real time.' })
  speed!: number | null;

  @Field(() => Float, { nullable: true, description: 'Estimated seconds until the encode finishes.' })
  etaSeconds!: number | null;

  @Field(() => Int, { nullable: true, description: '1 for the next job to start; set only while QUEUED.' })
  queuePosition!: number | null;

  @Field(() => String, { nullable: true, description: 'Why processing failed, when FAILED.' })
  error!: string | null;
}
