import { Args, ID, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { CatalogService } from '../catalog/catalog.service';
import { Playlist } from '../catalog/models/playlist.model';
import { ProcessingProgress } from './models/processing-progress.model';
import { progressFromManifest } from './progress-from-manifest';
import { ProgressTracker } from './progress-tracker';

/** Processing progress: `Playlist.progress` and the `processingProgress` subscription. */
@Resolver(() => Playlist)
export class ProgressResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly tracker: ProgressTracker,
  ) {}

  @Subscription(() => ProcessingProgress, {
    description: 'The current snapshot at once, then every change; completes after READY or FAILED.',
    resolve: (snapshot: ProcessingProgress) => snapshot,
  })
  processingProgress(@Args('playlistId', { type: () => ID }) playlistId: string): AsyncGenerator<ProcessingProgress> {
    return this.tracker.follow(playlistId, progressFromManifest(this.catalog.get(playlistId)));
  }

  /** Live progress (with queue position) while a job runs; what the manifest records otherwise. */
  @ResolveField(() => ProcessingProgress, { nullable: true, description: 'Latest progress while processing.' })
  progress(@Parent() playlist: Playlist): ProcessingProgress | null {
    const manifest = this.catalog.find(playlist.id);
    return this.tracker.current(playlist.id) ?? (manifest ? progressFromManifest(manifest) : null);
  }
}
