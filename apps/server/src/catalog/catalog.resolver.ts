import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { uploadRules } from '@cmm/media-rules';
import { AppConfig } from '../config/app-config';
import { pageCost } from '../graphql-limits/field-cost';
import { ValidationError } from '../errors/domain-error';
import { Catalog } from './catalog';
import { Playlist } from './models/playlist.model';
import { PlaylistConnection, PlaylistEdge } from './models/playlist-connection.model';
import { UploadLimits } from './models/upload-limits.model';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './list-bounds';
import type { PlaylistManifest } from './manifest';
import { encodeCursor } from './pagination';
import { toPlaylist } from './playlist-mapper';

@Resolver(() => Playlist)
export class CatalogResolver {
  /** The catalog replaces a manifest on every change and never edits one: each one's edge is built once. */
  private readonly edges = new WeakMap<PlaylistManifest, PlaylistEdge>();

  constructor(
    private readonly catalog: Catalog,
    private readonly config: AppConfig,
  ) {}

  @Query(() => PlaylistConnection, { description: `Playlists, newest first, at most ${PAGE_SIZE_MAX} a page.`, complexity: pageCost('first', PAGE_SIZE_MAX) })
  async playlists(
    @Args('first', { type: () => Int, nullable: true, defaultValue: PAGE_SIZE_DEFAULT }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PlaylistConnection> {
    first ??= PAGE_SIZE_DEFAULT;
    if (first < 1 || first > PAGE_SIZE_MAX) throw new ValidationError('first', `first must be between 1 and ${PAGE_SIZE_MAX}`);
    const page = await this.catalog.page(first, after);
    const edges = page.items.map((m) => this.edgeOf(m));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  private edgeOf(manifest: PlaylistManifest): PlaylistEdge {
    let edge = this.edges.get(manifest);
    if (!edge) this.edges.set(manifest, (edge = { cursor: encodeCursor(manifest), node: toPlaylist(manifest) }));
    return edge;
  }

  @Query(() => Playlist, { nullable: true, description: 'One playlist, or null if there is none with this id.' })
  async playlist(@Args('id', { type: () => ID }) id: string): Promise<Playlist | null> {
    const manifest = await this.catalog.find(id);
    return manifest ? toPlaylist(manifest) : null;
  }

  @Query(() => UploadLimits)
  uploadLimits(): UploadLimits {
    return { ...uploadRules(), maxUploadBytes: this.config.MAX_UPLOAD_BYTES };
  }

}
