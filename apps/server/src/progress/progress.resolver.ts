import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Catalog } from '../catalog/catalog';
import { Playlist } from '../catalog/models/playlist.model';
import { manifestOf } from '../catalog/playlist-mapper';
import { NotFoundError } from '../errors/domain-error';
import { toGraphQLError } from '../errors/graphql-error.filter';
import { ProcessingProgress } from './models/processing-progress.model';
import { progressFromManifest } from './progress-from-manifest';
import { ProgressEvent, ProgressTracker } from './progress-tracker';

/** Processing progress: `Playlist.progress` and the `processingProgress` subscription. */
@Resolver(() => Playlist)
export class ProgressResolver {
  constructor(
    private readonly catalog: Catalog,
    private readonly tracker: ProgressTracker,
  ) {}

  @Subscription(() => ProcessingProgress, {
    description: 'The current snapshot at once, then every change; completes after READY or FAILED, and ends with NOT_FOUND if the playlist is deleted.',
    resolve: (event: ProgressEvent) => {
      if ('deleted' in event) throw toGraphQLError(new NotFoundError(`Playlist "${event.playlistId}" was deleted`));
      return event;
    },
  })
  async processingProgress(@Args('playlistId', { type: () => ID }) playlistId: string): Promise<AsyncIterableIterator<ProgressEvent>> {
    return this.tracker.follow(playlistId, progressFromManifest(await this.catalog.get(playlistId)));
  }

  /** Live progress (with queue position) while a job runs; what the manifest records otherwise. */
  @ResolveField(() => ProcessingProgress, { nullable: true, description: 'Latest progress while processing.' })
  async progress(@Parent() playlist: Playlist): Promise<ProcessingProgress | null> {
    const live = this.tracker.current(playlist.id);
    if (live) return live;
    // a listing's playlists carry the manifest they were built from: fifty of them ask the catalog nothing more
    const manifest = manifestOf(playlist) ?? (await this.catalog.find(playlist.id));
    return manifest ? progressFromManifest(manifest) : null;
  }
}
