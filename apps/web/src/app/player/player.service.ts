import {
  computed,
  DestroyRef,
  inject,
  Injectable,
  signal,
} from '@angular/core';
import {
  AdaptivePlayer,
  CAPTIONS_OFF,
  chooseCaption,
  INITIAL_PLAYER_STATE,
  parseThumbnailTrack,
  PlayerState,
  ThumbnailCue,
  thumbnailAt,
} from '@cmm/player';
import { ABR_ENVIRONMENT, CAPTION_CHOICE_STORAGE, FETCH_TEXT, HLS } from './player.tokens';
import { loadAction } from './load-action';
import type { PlayerCaption, PlayerPlaylist } from './player.types';

const CAPTION_CHOICE_KEY = 'cmm.captions';

/** Component-scoped: one player per `cmm-player`, a thin signal wrapper around libs/player's AdaptivePlayer. */
@Injectable()
export class PlayerService {
  private readonly player = new AdaptivePlayer(
    inject(HLS),
    inject(ABR_ENVIRONMENT),
  );
  private readonly stateSignal = signal<PlayerState>(INITIAL_PLAYER_STATE);
  private readonly playlistSignal = signal<PlayerPlaylist | null>(null);
  private readonly time = signal(0);
  private readonly mediaDuration = signal(0);
  private readonly fetchText = inject(FETCH_TEXT);
  private readonly cues = signal<readonly ThumbnailCue[]>([]);
  private readonly choices = inject(CAPTION_CHOICE_STORAGE);
  private readonly captionSignal = signal<string | null>(null);
  private readonly captionList = signal<readonly PlayerCaption[]>([]);

  readonly state = this.stateSignal.asReadonly();
  readonly currentTime = this.time.asReadonly();
  readonly captions = this.captionList.asReadonly();
  /** The caption language shown, null when off. */
  readonly captionLanguage = this.captionSignal.asReadonly();
  /** Highest rung first, as the chips show them. */
  readonly variants = computed(() =>
    [...(this.playlistSignal()?.variants ?? [])].sort(
      (a, b) => b.height - a.height,
    ),
  );
  readonly segments = computed(() => this.variants()[0]?.segments ?? []);
  /** The segment the play head is in. */
  readonly activeSegment = computed(() => {
    const t = this.time();
    return (
      this.segments().find((s) => t >= s.start && t < s.start + s.duration)
        ?.index ?? null
    );
  });
  /** Seconds the seek bar spans: the probed duration while the stream grows, else the element's. */
  readonly duration = computed(
    () => this.playlistSignal()?.expectedDuration ?? this.mediaDuration(),
  );
  /** Each segment's thumbnail: the storyboard tile at its start. */
  readonly segmentThumbnails = computed(
    () =>
      new Map(
        this.segments().map((s) => [s.index, thumbnailAt(this.cues(), s.start)]),
      ),
  );
  /** The rung on screen: what plays, else what was chosen. */
  readonly renditionHeight = computed(() => {
    const s = this.state();
    return s.playingHeight ?? s.manualHeight ?? s.autoHeight;
  });

  constructor() {
    const unsubscribe = this.player.subscribe((s) => this.stateSignal.set(s));
    inject(DestroyRef).onDestroy(() => {
      unsubscribe();
      this.player.destroy();
    });
  }

  attach(video: HTMLVideoElement): void {
    this.player.attach(video);
  }

  /**
   * Loads a playlist; the same stream handed in again keeps playing: a refreshed query result, or
   * the READY playlist of a stream that was growing (hls.js reads ENDLIST on its next refresh and
   * plays on as VOD; the rungs and segments appear from the refreshed variants). Captions added or
   * removed on a finished stream reload it at the play head (see loadAction).
   */
  load(playlist: PlayerPlaylist): void {
    const previous = this.playlistSignal();
    const action = loadAction(previous, playlist);
    this.playlistSignal.set(playlist);
    if (previous?.storyboardUrl !== playlist.storyboardUrl)
      this.loadThumbnails(playlist.storyboardUrl);
    if (action === 'keep') return;
    const startPosition = action === 'reload' ? this.time() : 0;
    this.time.set(startPosition);
    this.captionList.set(playlist.captions);
    if (playlist.hlsUrl)
      this.player.load(playlist.hlsUrl, {
        expectedDuration: playlist.expectedDuration ?? undefined,
        startPosition,
      });
    // the viewer's last choice, by language, for this video's captions
    this.showCaption(
      chooseCaption(
        playlist.captions.map((c) => c.language),
        this.remembered(),
      ),
    );
  }

  /** Shows captions in this language (null: off) and remembers the choice for the next videos. */
  selectCaption(language: string | null): void {
    try {
      this.choices?.setItem(CAPTION_CHOICE_KEY, language ?? CAPTIONS_OFF);
    } catch {
      // a full or refused storage: the choice still applies to this video
    }
    this.showCaption(language);
  }

  private showCaption(language: string | null): void {
    this.captionSignal.set(language);
    this.player.selectCaption(language);
  }

  private remembered(): string | null {
    try {
      return this.choices?.getItem(CAPTION_CHOICE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  selectHeight(height: number): void {
    this.player.selectHeight(height);
  }

  setAuto(on: boolean): void {
    this.player.setAuto(on);
  }

  seek(seconds: number): void {
    this.player.seek(seconds);
  }

  timeUpdated(seconds: number): void {
    this.time.set(seconds);
  }

  durationChanged(seconds: number): void {
    this.mediaDuration.set(Number.isFinite(seconds) ? seconds : 0);
  }

  /** The storyboard tile for a time; null without a storyboard. */
  thumbnailAt(seconds: number): ThumbnailCue | null {
    return thumbnailAt(this.cues(), seconds);
  }

  /** Previews are extras: a track that cannot be had leaves the player without them. */
  private loadThumbnails(url: string | null): void {
    this.cues.set([]);
    if (!url) return;
    this.fetchText(url).then(
      (text) => {
        if (this.playlistSignal()?.storyboardUrl === url)
          this.cues.set(parseThumbnailTrack(text, url));
      },
      () => undefined,
    );
  }
}
