import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { RouterLink } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { CaptionsPanelComponent } from '../captions/captions-panel.component';
import { PlayerComponent } from '../player/player.component';
import {
  type PlaylistDetail,
  PlaylistsService,
} from '../playlists/data-access/playlists.service';
import { clampPercent, statusBadge } from '../shared/format';
import { isPlayable } from '../shared/playable';
import { UploadDialogComponent } from '../upload/upload-dialog.component';
import { UploadService } from '../upload/upload.service';
import { historyEntries } from './history-entry';
import { toPlayerPlaylist } from './player-playlist';
import { SummaryCardComponent } from './summary-card.component';
import { UploadHistoryComponent } from './upload-history.component';

type DetailState =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'missing'; readonly id: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'loaded'; readonly playlist: PlaylistDetail };

@Component({
  selector: 'cmm-dashboard',
  imports: [
    RouterLink,
    CaptionsPanelComponent,
    PlayerComponent,
    SummaryCardComponent,
    UploadDialogComponent,
    UploadHistoryComponent,
  ],
  templateUrl: './dashboard.component.html',
  // Escape closes the sidebar wherever focus is (the aside itself is not focusable)
  host: { '(document:keydown.escape)': 'closeSidebar()' },
  styleUrl: './dashboard.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardComponent {
  protected readonly playlists = inject(PlaylistsService);
  protected readonly auth = inject(AuthService);
  private readonly uploads = inject(UploadService);

  /** Route parameter of `/playlists/:id`; absent on `/`. */
  readonly id = input<string | undefined>();

  protected readonly sidebarOpen = signal(false);
  protected readonly uploadOpen = signal(false);
  /** Bumped when the playlist on screen changed from here (a caption added or removed): its details are read again. */
  private readonly revision = signal(0);

  protected readonly entries = computed(() =>
    historyEntries(this.uploads.pendingJobs(), this.playlists.items()),
  );
  /** `/playlists/:id` shows that playlist; `/` shows the newest READY one. */
  protected readonly activeId = computed(
    () => this.id() ?? this.playlists.newestReadyId(),
  );
  private readonly activeItem = computed(() => {
    const id = this.activeId();
    return id ? this.playlists.items().find((p) => p.id === id) : undefined;
  });
  /** Reload the details when another playlist is chosen, when the chosen one changes stage, becomes playable or was edited here. */
  private readonly detailRequest = computed(
    () => ({
      id: this.activeId(),
      status: this.activeItem()?.status ?? null,
      playable: this.activeItem()?.playable ?? false,
      revision: this.revision(),
    }),
    {
      equal: (a, b) =>
        a.id === b.id &&
        a.status === b.status &&
        a.playable === b.playable &&
        a.revision === b.revision,
    },
  );
  protected readonly detail = toSignal(
    toObservable(this.detailRequest).pipe(
      switchMap(({ id }) => this.loadDetail(id)),
    ),
    { initialValue: { kind: 'none' } as DetailState },
  );
  private readonly loadedPlaylist = computed(() => {
    const state = this.detail();
    return state.kind === 'loaded' ? state.playlist : null;
  });
  /** The details with the live stage from the history: they are read again only when the stage changes. */
  protected readonly summary = computed(() => {
    const playlist = this.loadedPlaylist();
    const item = this.activeItem();
    return playlist && item?.id === playlist.id
      ? { ...playlist, status: item.status, progress: item.progress }
      : playlist;
  });
  /** The player from the PLAYABLE moment on; READY refreshes the same player in place (see PlayerService.load). */
  protected readonly playerPlaylist = computed(() => {
    const playlist = this.loadedPlaylist();
    return playlist && isPlayable(playlist) && playlist.hlsUrl
      ? toPlayerPlaylist(playlist)
      : null;
  });
  /** Live stage of the chosen playlist while it is being processed (from the history's progress). */
  protected readonly processing = computed(() => {
    const item = this.activeItem();
    if (!item || item.status === 'READY') return null;
    return {
      status: item.status,
      percent: clampPercent(item.progress?.percent),
      badge: statusBadge(item.status, item.progress?.percent),
      error: item.error,
    };
  });

  private shownId: string | null = null;

  constructor() {
    if (!this.playlists.loaded()) this.playlists.loadFirstPage();
  }

  protected toggleSidebar(): void {
    this.sidebarOpen.update((open) => !open);
  }

  protected closeSidebar(): void {
    this.sidebarOpen.set(false);
  }

  /** Reads the playlist again: the player takes its new captions (see PlayerService.load). */
  protected reloadDetail(): void {
    this.revision.update((n) => n + 1);
  }

  protected openUpload(): void {
    // On narrow screens the sidebar would sit over the dialog.
    this.sidebarOpen.set(false);
    this.uploadOpen.set(true);
  }

  private loadDetail(id: string | null): Observable<DetailState> {
    if (id == null) {
      this.shownId = null;
      return of({ kind: 'none' });
    }
    const sameAsShown = id === this.shownId;
    this.shownId = id;
    const load$ = this.playlists.playlist(id).pipe(
      map(
        (playlist): DetailState =>
          playlist ? { kind: 'loaded', playlist } : { kind: 'missing', id },
      ),
      catchError((err: unknown) =>
        of<DetailState>({
          kind: 'error',
          message:
            err instanceof Error ? err.message : 'Could not load the playlist',
        }),
      ),
    );
    // A stage change of the playlist on screen refreshes it in place instead of flashing a skeleton.
    return sameAsShown
      ? load$
      : load$.pipe(startWith<DetailState>({ kind: 'loading' }));
  }
}
