import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CatalogService } from '../catalog/catalog.service';
import { Playlist } from '../catalog/models/playlist.model';
import { NotFoundError } from '../errors/domain-error';
import { toGraphQLError } from '../errors/graphql-error.filter';
import { ProcessingProgress } from './models/processing-progress.model';
import { progressFromManifest } from './progress-from-manifest';
import { ProgressEvent, ProgressTracker } from './progress-tracker';

/** Processing progress: `Playlist.progress` and the `processingProgress` subscription. */
@Resolver(() => Playlist)
export class ProgressResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly tracker: ProgressTracker,
  ) {}

  @Subscription(() => ProcessingProgress, {
    description: 'The current snapshot at once, then every change; completes after READY or FAILED, and ends with NOT_FOUND if the playlist is deleted.',
    resolve: (event: ProgressEvent) => {
      if ('deleted' in event) throw toGraphQLError(new NotFoundError(`Playlist "${event.playlistId}" was deleted`));
      return event;
    },
  })
  processingProgress(@Args('playlistId', { type: () => ID }) playlistId: string): AsyncIterableIterator<ProgressEvent> {
    return this.tracker.follow(playlistId, progressFromManifest(this.catalog.get(playlistId)));
  }

  /** Live progress (with queue position) while a job runs; what the manifest records otherwise. */
  @ResolveField(() => ProcessingProgress, { nullable: true, description: 'Latest progress while processing.' })
  progress(@Parent() playlist: Playlist): ProcessingProgress | null {
    const manifest = this.catalog.find(playlist.id);
    return this.tracker.current(playlist.id) ?? (manifest ? progressFromManifest(manifest) : null);
  }
}
