import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Playlist } from './playlist.model';

@ObjectType()
export class PlaylistEdge {
  @Field()
  cursor!: string;

  @Field(() => Playlist)
  node!: Playlist;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'Playlists newest first, as a cursor connection.' })
export class PlaylistConnection {
  @Field(() => [PlaylistEdge])
  edges!: PlaylistEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
