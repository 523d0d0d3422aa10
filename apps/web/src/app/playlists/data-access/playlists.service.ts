// The catalog as the web app sees it: apollo-angular behind one service that owns the upload history state.
import {
  DestroyRef,
  ErrorHandler,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Apollo } from 'apollo-angular';
import {
  DeletePlaylistDocument,
  PlaylistDocument,
  type PlaylistDetailFragment,
  type PlaylistListItemFragment,
  PlaylistsDocument,
  ProcessingProgressDocument,
  type ProgressFieldsFragment,
  UploadLimitsDocument,
  type UploadLimitsQuery,
} from '@cmm/api-schema';
import {
  Observable,
  Subscription,
  catchError,
  defer,
  filter,
  finalize,
  map,
  merge,
  share,
  switchMap,
  takeWhile,
  tap,
  timer,
} from 'rxjs';
import { isTerminal } from '../../shared/format';

export type PlaylistListItem = PlaylistListItemFragment;
export type PlaylistDetail = PlaylistDetailFragment;
export type ProcessingProgress = ProgressFieldsFragment;
export type UploadLimits = UploadLimitsQuery['uploadLimits'];

export const PAGE_SIZE = 20;
/** How often to re-read a playlist's status when the progress subscription is unavailable. */
export const PROGRESS_POLL_MS = 2000;

type LoadState = 'idle' | 'loading' | 'loading-more';

@Injectable({ providedIn: 'root' })
export class PlaylistsService {
  private readonly apollo = inject(Apollo);

  private readonly itemsState = signal<readonly PlaylistListItem[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly hasNextPageState = signal(false);
  private readonly loadState = signal<LoadState>('idle');
  private readonly loadedOnce = signal(false);
  private readonly errorState = signal<string | null>(null);
  private readonly progressStreams = new Map<
    string,
    Observable<ProcessingProgress>
  >();
  private readonly tracking = new Map<string, Subscription>();
  /** Failures nobody waits on (background refreshes, a lost subscription) are reported, not dropped. */
  private readonly errors = inject(ErrorHandler);

  /** Upload history, newest first. */
  readonly items = this.itemsState.asReadonly();
  readonly hasNextPage = this.hasNextPageState.asReadonly();
  readonly loading = computed(() => this.loadState() === 'loading');
  readonly loadingMore = computed(() => this.loadState() === 'loading-more');
  /** False until the first page arrived (or failed): the sidebar shows skeletons meanwhile. */
  readonly loaded = this.loadedOnce.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly newestReadyId = computed(
    () => this.itemsState().find((p) => p.status === 'READY')?.id ?? null,
  );

  constructor() {
    inject(DestroyRef).onDestroy(() =>
      this.tracking.forEach((s) => s.unsubscribe()),
    );
  }

  /** Loads the first page of the history, replacing what is shown. */
  loadFirstPage(): void {
    this.loadState.set('loading');
    this.fetchPage(null).subscribe({
      next: (page) => {
        this.itemsState.set(page.items);
        this.applyPage(page);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  loadMore(): void {
    const after = this.cursor();
    if (
      !this.hasNextPageState() ||
      this.loadState() !== 'idle' ||
      after == null
    )
      return;
    this.loadState.set('loading-more');
    this.fetchPage(after).subscribe({
      next: (page) => {
        const known = new Set(this.itemsState().map((p) => p.id));
        this.itemsState.update((items) => [
          ...items,
          ...page.items.filter((p) => !known.has(p.id)),
        ]);
        this.applyPage(page);
      },
      error: (err: unknown) => this.fail(err),
    });
  }

  /** One playlist with everything the player and the summary card need; null when it does not exist. */
  playlist(id: string): Observable<PlaylistDetail | null> {
    return this.apollo
      .query({
        query: PlaylistDocument,
        variables: { id },
        fetchPolicy: 'network-only',
      })
      .pipe(
        map((result) => result.data?.playlist ?? null),
        tap((playlist) => playlist && this.upsert(playlist)),
      );
  }

  uploadLimits(): Observable<UploadLimits> {
    return this.apollo
      .query({ query: UploadLimitsDocument, fetchPolicy: 'cache-first' })
      .pipe(
        map((result) => {
          if (!result.data) throw new Error('The server sent no upload limits');
          return result.data.uploadLimits;
        }),
      );
  }

  deletePlaylist(id: string): Observable<boolean> {
    return this.apollo
      .mutate({ mutation: DeletePlaylistDocument, variables: { id } })
      .pipe(
        map((result) => result.data?.deletePlaylist === id),
        tap((deleted) => {
          if (!deleted) return;
          this.tracking.get(id)?.unsubscribe();
          this.itemsState.update((items) => items.filter((p) => p.id !== id));
        }),
      );
  }

  /**
   * Processing progress of one playlist until it is READY or FAILED, shared by every reader.
   * Starts with the playlist's current state so a job that finished before the subscription
   * opened still completes; falls back to polling when the subscription transport fails.
   */
  progress$(id: string): Observable<ProcessingProgress> {
    const existing = this.progressStreams.get(id);
    if (existing) return existing;
    const current$ = defer(() => this.playlist(id)).pipe(
      filter((p): p is PlaylistDetail => p !== null),
      map(progressOf),
    );
    const live$ = this.apollo
      .subscribe({
        query: ProcessingProgressDocument,
        variables: { playlistId: id },
      })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          return result.data?.processingProgress ?? null;
        }),
        filter((p): p is ProcessingProgress => p !== null),
        // Subscriptions can be cut (a proxy without WebSockets): keep the bar moving by polling.
        catchError((error: unknown) => {
          this.errors.handleError(error);
          return timer(PROGRESS_POLL_MS, PROGRESS_POLL_MS).pipe(
            switchMap(() => current$),
          );
        }),
      );
    const stream = merge(current$, live$).pipe(
      takeWhile((p) => !isTerminal(p.status), true),
      tap((p) => this.applyProgress(p)),
      tap((p) => {
        // The finished playlist has a poster and final metadata: refresh its history entry once.
        if (isTerminal(p.status))
          this.playlist(id).subscribe({
            error: (error: unknown) => this.errors.handleError(error),
          });
      }),
      finalize(() => this.progressStreams.delete(id)),
      share(),
    );
    this.progressStreams.set(id, stream);
    return stream;
  }

  /** Adds or refreshes a history entry (new ones go on top: the list is newest first). */
  upsert(playlist: PlaylistListItem): void {
    const entry = toListItem(playlist);
    this.itemsState.update((items) => {
      const index = items.findIndex((p) => p.id === entry.id);
      if (index < 0) return [entry, ...items];
      const next = [...items];
      next[index] = entry;
      return next;
    });
    this.track(entry);
  }

  private applyProgress(progress: ProcessingProgress): void {
    this.itemsState.update((items) =>
      items.map((p) =>
        p.id === progress.playlistId
          ? {
              ...p,
              status: progress.status,
              progress,
              playable: progress.playable,
              playableAt: progress.playableAt,
              error: progress.error ?? p.error,
            }
          : p,
      ),
    );
  }

  private track(item: PlaylistListItem): void {
    if (isTerminal(item.status) || this.tracking.has(item.id)) return;
    const subscription = this.progress$(item.id)
      .pipe(finalize(() => this.tracking.delete(item.id)))
      .subscribe({ error: (error: unknown) => this.errors.handleError(error) });
    if (!subscription.closed) this.tracking.set(item.id, subscription);
  }

  private fetchPage(after: string | null) {
    return this.apollo
      .query({
        query: PlaylistsDocument,
        variables: { first: PAGE_SIZE, after },
        fetchPolicy: 'network-only',
      })
      .pipe(
        map((result) => {
          if (!result.data) throw new Error('The server sent no playlists');
          const { edges, pageInfo } = result.data.playlists;
          return { items: edges.map((e) => e.node), pageInfo };
        }),
      );
  }

  private applyPage(page: {
    items: readonly PlaylistListItem[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  }): void {
    this.cursor.set(page.pageInfo.endCursor ?? null);
    this.hasNextPageState.set(page.pageInfo.hasNextPage);
    this.loadState.set('idle');
    this.loadedOnce.set(true);
    this.errorState.set(null);
    page.items.forEach((item) => this.track(item));
  }

  private fail(err: unknown): void {
    this.loadedOnce.set(true);
    this.errorState.set(
      err instanceof Error ? err.message : 'Could not load the upload history',
    );
    this.loadState.set('idle');
  }
}

function progressOf(playlist: PlaylistListItem): ProcessingProgress {
  return (
    playlist.progress ?? {
      playlistId: playlist.id,
      status: playlist.status,
      percent: playlist.status === 'READY' ? 100 : 0,
      queuePosition: null,
      etaSeconds: null,
      error: playlist.error,
      playable: playlist.playable,
      playableAt: playlist.playableAt,
    }
  );
}

/** Keeps only the history fields, so the list does not hold whole variant ladders. */
function toListItem(p: PlaylistListItem): PlaylistListItem {
  return {
    id: p.id,
    title: p.title,
    status: p.status,
    createdAt: p.createdAt,
    posterUrl: p.posterUrl,
    error: p.error,
    playable: p.playable,
    playableAt: p.playableAt,
    source: { filename: p.source.filename, duration: p.source.duration },
    progress: p.progress,
  };
}
