import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CatalogService } from '../catalog/catalog.service';
import { ProcessingProgress } from '../catalog/models/processing-progress.model';
import { progressFromManifest } from '../catalog/playlist-mapper';
import { ProgressTracker } from '../progress/progress-tracker';

@Resolver(() => ProcessingProgress)
export class ProgressResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly progress: ProgressTracker,
  ) {}

  @Subscription(() => ProcessingProgress, {
    description: 'The current snapshot at once, then every change; completes after READY or FAILED.',
    resolve: (snapshot: ProcessingProgress) => snapshot,
  })
  processingProgress(@Args('playlistId', { type: () => ID }) playlistId: string): AsyncGenerator<ProcessingProgress> {
    const manifest = this.catalog.get(playlistId);
    return this.progress.follow(playlistId, progressFromManifest(manifest));
  }
}
