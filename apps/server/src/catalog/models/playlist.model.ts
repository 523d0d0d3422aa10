import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { listCost } from '../../graphql-limits/field-cost';
import { Storyboard } from '../../storyboard/models/storyboard.model';
import { MAX_CAPTIONS, MAX_RUNGS } from '../list-bounds';
import { Caption, SkippedSubtitle } from './caption.model';
import { PlaylistStatus } from './playlist-status.enum';
import { SourceVideo } from './source-video.model';
import { Variant } from './variant.model';

@ObjectType({ description: 'An uploaded video and its adaptive-bitrate ladder.' })
export class Playlist {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => PlaylistStatus)
  status!: PlaylistStatus;

  @Field()
  createdAt!: Date;

  @Field(() => SourceVideo)
  source!: SourceVideo;

  @Field(() => Float, { description: 'Target segment length in seconds.' })
  segmentDuration!: number;

  @Field(() => [Int])
  requestedResolutions!: number[];

  @Field(() => [Int], { description: 'Requested heights above the source’s, not produced.' })
  skippedResolutions!: number[];

  @Field(() => [Variant], { description: 'Highest first; empty until READY.', complexity: listCost(MAX_RUNGS) })
  variants!: Variant[];

  @Field({ description: 'True from the moment the first segment of every rung exists: playable while the rest is still being encoded.' })
  playable!: boolean;

  @Field(() => Date, { nullable: true, description: 'When the playlist became playable.' })
  playableAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'HLS master playlist, once playable. Its rung playlists are EVENT playlists that grow until READY, when they end.' })
  hlsUrl!: string | null;

  @Field(() => String, { nullable: true, description: 'DASH MPD over the same segments, once playable: dynamic while it grows, static once READY.' })
  dashUrl!: string | null;

  @Field(() => String, { nullable: true })
  posterUrl!: string | null;

  @Field(() => Storyboard, { nullable: true, description: 'Seek-bar previews, made once the ladder is encoded: null until READY, and when they could not be made (the playlist plays without them).' })
  storyboard!: Storyboard | null;
  @Field(() => [Caption], { description: `Captions by language, at most ${MAX_CAPTIONS}: extracted from the source’s text subtitles when READY, then added and removed with addCaption and removeCaption.`, complexity: listCost(MAX_CAPTIONS) })
  captions!: Caption[];

  @Field(() => [SkippedSubtitle], { description: 'Subtitle tracks of the source not made into captions (picture-based ones, or unreadable), with the reason.', complexity: listCost(MAX_CAPTIONS) })
  skippedSubtitles!: SkippedSubtitle[];

  @Field(() => String, { nullable: true })
  error!: string | null;
}
