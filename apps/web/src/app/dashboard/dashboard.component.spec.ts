import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import {
  connectionFixture,
  detailFixture,
  limitsFixture,
  listItemFixture,
  progressFixture,
} from '../../testing/fixtures';
import { appRoutes } from '../app.routes';
import { AuthService } from '../auth/auth.service';
import { PlayerComponent } from '../player/player.component';
import type { PlayerPlaylist } from '../player/player.types';
import { DashboardComponent } from './dashboard.component';

// The real player (hls.js, MediaSource) is another feature's concern: a stand-in shows what it is given.
@Component({
  selector: 'cmm-player',
  template: `<div
    data-testid="fake-player"
    [attr.data-duration]="playlist().expectedDuration"
    [attr.data-variants]="playlist().variants.length"
    [attr.data-captions]="captions()"
  >{{ playlist().hlsUrl }}</div>`,
})
class FakePlayerComponent {
  readonly playlist = input.required<PlayerPlaylist>();
  protected captions() {
    return this.playlist()
      .captions.map((c) => c.language)
      .join(',');
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('DashboardComponent', () => {
  let harness: RouterTestingHarness;
  let apollo: ApolloTestingController;

  const el = () => harness.routeNativeElement as HTMLElement;
  const q = (testId: string) => el().querySelector(`[data-testid="${testId}"]`);
  const flush = async () => {
    await settle();
    harness.detectChanges();
    await harness.fixture.whenStable();
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    TestBed.overrideComponent(DashboardComponent, {
      remove: { imports: [PlayerComponent] },
      add: { imports: [FakePlayerComponent] },
    });
    harness = await RouterTestingHarness.create();
    apollo = TestBed.inject(ApolloTestingController);
  });

  async function open(
    url: string,
    items = [
      listItemFixture('newest-failed', 'FAILED'),
      listItemFixture('ready-2'),
      listItemFixture('ready-1'),
    ],
  ) {
    await harness.navigateByUrl(url);
    await flush();
    apollo
      .match('UploadLimits')
      .forEach((op) => op.flushData({ uploadLimits: limitsFixture }));
    const list = apollo.match('Playlists');
    list.forEach((op) => op.flushData(connectionFixture(items)));
    await flush();
  }

  function answerDetail(
    id: string,
    status: 'READY' | 'FAILED' | null = 'READY',
  ) {
    apollo
      .expectOne(
        (op) => op.operationName === 'Playlist' && op.variables['id'] === id,
      )
      .flushData({
        playlist: status ? detailFixture(id, status) : null,
      });
  }

  it('opens the newest READY playlist on /', async () => {
    await open('/');
    answerDetail('ready-2');
    await flush();
    expect(q('fake-player')?.textContent).toBe(
      '/media/ready-2/stream/master.m3u8',
    );
    expect(q('summary-card')?.textContent).toContain('ready-2.mp4');
    expect(q('playlist-item-ready-2')?.getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('opens the playlist named by /playlists/:id', async () => {
    await open('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    expect(q('fake-player')?.textContent).toBe(
      '/media/ready-1/stream/master.m3u8',
    );
    expect(q('playlist-item-ready-1')?.getAttribute('aria-current')).toBe(
      'page',
    );
  });

  describe('a playlist still processing', () => {
    // The history follows the playlist (a query, then the subscription) while the stage reads it too.
    const answerAll = async (playlist: ReturnType<typeof detailFixture>) => {
      apollo
        .match((op) => op.operationName === 'Playlist')
        .forEach((op) => op.flushData({ playlist }));
      await flush();
    };

    it('shows progress without a player until the PLAYABLE moment, then the player with a processing notice', async () => {
      await open('/playlists/new', [listItemFixture('new', 'TRANSCODING')]);
      await answerAll(detailFixture('new', 'TRANSCODING'));
      const progress = apollo.expectOne('ProcessingProgress');
      expect(q('fake-player')).toBeNull();
      expect(q('processing-state')?.textContent).toContain('processing 42%');

      progress.flushData({
        processingProgress: progressFixture('new', 'TRANSCODING', 15, null, true),
      });
      await flush();
      await answerAll(detailFixture('new', 'TRANSCODING', true));
      const player = q('fake-player');
      expect(player?.textContent).toBe('/media/new/stream/master.m3u8');
      // the seek bar spans the probed duration while the playlist grows
      expect(player?.getAttribute('data-duration')).toBe('6');
      // the notice follows the progress subscription
      progress.flushData({
        processingProgress: progressFixture('new', 'TRANSCODING', 57, null, true),
      });
      await flush();
      expect(q('processing-notice')?.textContent).toContain(
        'Still processing — 57 %',
      );
      expect(q('summary-card')?.textContent).toContain('processing 57%');
      expect(q('fake-player')).toBe(player);
    });

    it('keeps the same player when it turns READY, and brings the rungs without the notice', async () => {
      await open('/playlists/new', [
        listItemFixture('new', 'TRANSCODING', { playable: true }),
      ]);
      await answerAll(detailFixture('new', 'TRANSCODING', true));
      const progress = apollo.expectOne('ProcessingProgress');
      const player = q('fake-player');
      expect(player?.getAttribute('data-variants')).toBe('0');

      progress.flushData({
        processingProgress: progressFixture('new', 'READY', 100),
      });
      await flush();
      await answerAll(detailFixture('new', 'READY'));
      expect(q('fake-player')).toBe(player);
      expect(player?.getAttribute('data-variants')).toBe('1');
      expect(player?.hasAttribute('data-duration')).toBe(false);
      expect(q('processing-notice')).toBeNull();
    });
  });

  it('reads the playlist again after a caption is added, so the player offers it', async () => {
    await open('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    expect(q('fake-player')?.getAttribute('data-captions')).toBe('');
    const file = q('caption-file') as HTMLInputElement;
    Object.defineProperty(file, 'files', {
      value: [new File(['WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n'], 'en.vtt')],
    });
    file.dispatchEvent(new Event('change'));
    const language = q('caption-language') as HTMLInputElement;
    language.value = 'en';
    language.dispatchEvent(new Event('input'));
    q('caption-form')?.dispatchEvent(new Event('submit'));
    await flush();
    const caption = {
      __typename: 'Caption',
      language: 'en',
      label: 'English',
      source: 'UPLOADED',
      url: '/media/ready-1/stream/captions/en.vtt',
    } as const;
    apollo.expectOne('AddCaption').flushData({
      addCaption: {
        __typename: 'Playlist',
        id: 'ready-1',
        status: 'READY',
        captions: [caption],
        skippedSubtitles: [],
      },
    });
    await flush();
    apollo
      .expectOne((op) => op.operationName === 'Playlist')
      .flushData({
        playlist: { ...detailFixture('ready-1'), captions: [caption] },
      });
    await flush();
    expect(q('fake-player')?.getAttribute('data-captions')).toBe('en');
    expect(q('caption-item')?.textContent).toContain('English');
  });

  it('redirects the prototype’s /?playlist=<id> links', async () => {
    await open('/?playlist=ready-1');
    expect(TestBed.inject(Router).url).toBe('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    expect(q('summary-card')).not.toBeNull();
  });

  it('shows a failed playlist’s error instead of the player', async () => {
    await open('/playlists/newest-failed');
    answerDetail('newest-failed', 'FAILED');
    await flush();
    expect(q('fake-player')).toBeNull();
    expect(q('summary-error')?.textContent).toContain(
      'ffmpeg exited with code 1',
    );
  });

  it('says so when a deep link names a playlist that does not exist', async () => {
    await open('/playlists/gone');
    answerDetail('gone', null);
    await flush();
    expect(el().textContent).toContain('does not exist');
  });

  it('opens the sidebar from the menu button and closes it when the upload dialog opens', async () => {
    await open('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    const sidebar = q('sidebar') as HTMLElement;
    expect(sidebar.classList).not.toContain('sidebar--open');
    (q('menu-button') as HTMLButtonElement).click();
    await flush();
    expect(sidebar.classList).toContain('sidebar--open');
    expect(q('menu-button')?.getAttribute('aria-expanded')).toBe('true');

    (q('open-upload') as HTMLButtonElement).click();
    await flush();
    expect(sidebar.classList).not.toContain('sidebar--open');
    expect(el().querySelector('dialog')?.hasAttribute('open')).toBe(true);
  });

  it('closes the sidebar on Escape, wherever focus is', async () => {
    await open('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    (q('menu-button') as HTMLButtonElement).click();
    await flush();
    expect(q('sidebar')?.classList).toContain('sidebar--open');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flush();
    expect(q('sidebar')?.classList).not.toContain('sidebar--open');
  });

  it('offers to sign in only when the server wants a token, and opens the sign-in dialog', async () => {
    await open('/playlists/ready-1');
    answerDetail('ready-1');
    await flush();
    expect(q('open-sign-in')).toBeNull();

    // what AuthService.check learns from a server started with API_TOKENS
    const auth = TestBed.inject(AuthService);
    auth.check();
    TestBed.inject(HttpTestingController)
      .expectOne('/graphql')
      .flush({ data: { auth: { tokenRequired: true, canWrite: false } } });
    auth.dismiss();
    await flush();
    const button = q('open-sign-in') as HTMLButtonElement;
    expect(button.textContent?.trim()).toBe('Sign in');
    button.click();
    expect(auth.dialogOpen()).toBe(true);
  });
});
