import { ErrorHandler } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import {
  PLAYABLE_AT,
  connectionFixture,
  detailFixture,
  limitsFixture,
  listItemFixture,
  progressFixture,
} from '../../../testing/fixtures';
import { PAGE_SIZE, PlaylistsService } from './playlists.service';

/** Apollo Client delivers results asynchronously. */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('PlaylistsService', () => {
  let service: PlaylistsService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    service = TestBed.inject(PlaylistsService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  it('loads the first page newest first and knows the newest READY playlist', async () => {
    service.loadFirstPage();
    expect(service.loaded()).toBe(false);
    const op = apollo.expectOne('Playlists');
    expect(op.operation.variables).toEqual({ first: PAGE_SIZE, after: null });
    op.flushData(
      connectionFixture(
        [
          listItemFixture('failed-1', 'FAILED'),
          listItemFixture('ready-1'),
          listItemFixture('ready-0'),
        ],
        true,
        'c-ready-0',
      ),
    );
    await settle();

    expect(service.loaded()).toBe(true);
    expect(service.items().map((p) => p.id)).toEqual([
      'failed-1',
      'ready-1',
      'ready-0',
    ]);
    expect(service.newestReadyId()).toBe('ready-1');
    expect(service.hasNextPage()).toBe(true);
  });

  it('appends the next page after the end cursor on "Load more"', async () => {
    service.loadFirstPage();
    apollo
      .expectOne('Playlists')
      .flushData(connectionFixture([listItemFixture('b')], true, 'c-b'));
    await settle();

    service.loadMore();
    const op = apollo.expectOne('Playlists');
    expect(op.operation.variables).toEqual({ first: PAGE_SIZE, after: 'c-b' });
    op.flushData(
      connectionFixture(
        [listItemFixture('b'), listItemFixture('a')],
        false,
        'c-a',
      ),
    );
    await settle();

    expect(service.items().map((p) => p.id)).toEqual(['b', 'a']);
    expect(service.hasNextPage()).toBe(false);
    service.loadMore();
    apollo.expectNone('Playlists');
  });

  it('reports a failed load instead of showing skeletons forever', async () => {
    service.loadFirstPage();
    apollo.expectOne('Playlists').networkError(new Error('Connection refused'));
    await settle();
    expect(service.loaded()).toBe(true);
    expect(service.error()).toContain('Connection refused');
  });

  it('follows a processing playlist from the history until it is READY', async () => {
    service.loadFirstPage();
    apollo
      .expectOne('Playlists')
      .flushData(connectionFixture([listItemFixture('p1', 'QUEUED')]));
    await settle();

    // Initial sync with the current state, then the live subscription.
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('p1', 'QUEUED') });
    await settle();
    const sub = apollo.expectOne('ProcessingProgress');
    expect(sub.operation.variables).toEqual({ playlistId: 'p1' });

    sub.flushData({
      processingProgress: progressFixture('p1', 'TRANSCODING', 37.5),
    });
    await settle();
    expect(service.items()[0]).toMatchObject({
      status: 'TRANSCODING',
      progress: { percent: 37.5 },
    });

    sub.flushData({ processingProgress: progressFixture('p1', 'READY', 100) });
    await settle();
    expect(service.items()[0].status).toBe('READY');
    // The finished playlist is read once more for its poster.
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('p1', 'READY') });
    await settle();
    expect(service.items()[0].posterUrl).toBe('/media/p1/poster.jpg');
    expect(service.newestReadyId()).toBe('p1');
  });

  it('marks a history entry playable at the PLAYABLE snapshot, while it is still processing', async () => {
    service.upsert(listItemFixture('p3', 'QUEUED'));
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('p3', 'QUEUED') });
    await settle();
    apollo.expectOne('ProcessingProgress').flushData({
      processingProgress: progressFixture('p3', 'TRANSCODING', 12, null, true),
    });
    await settle();
    expect(service.items()[0]).toMatchObject({
      status: 'TRANSCODING',
      playable: true,
      playableAt: PLAYABLE_AT,
    });
  });

  it('reports a failed refresh of a finished playlist instead of dropping it', async () => {
    const handleError = jest
      .spyOn(TestBed.inject(ErrorHandler), 'handleError')
      .mockImplementation(() => undefined);
    service.upsert(listItemFixture('p2', 'QUEUED'));
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('p2', 'QUEUED') });
    await settle();
    apollo
      .expectOne('ProcessingProgress')
      .flushData({ processingProgress: progressFixture('p2', 'READY', 100) });
    await settle();
    apollo.expectOne('Playlist').networkError(new Error('Connection reset'));
    await settle();
    expect(handleError).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.stringContaining('Connection reset'),
      }),
    );
  });

  it('shares one progress subscription between readers', async () => {
    const seen: number[] = [];
    service.progress$('p2').subscribe((p) => seen.push(p.percent));
    service.progress$('p2').subscribe();
    apollo.expectOne('Playlist').flushData({ playlist: null });
    await settle();
    apollo.expectOne('ProcessingProgress').flushData({
      processingProgress: progressFixture('p2', 'PACKAGING', 90),
    });
    await settle();
    expect(seen).toEqual([90]);
  });

  it('puts a new upload on top of the history', async () => {
    service.loadFirstPage();
    apollo
      .expectOne('Playlists')
      .flushData(connectionFixture([listItemFixture('old')]));
    await settle();
    service.upsert(listItemFixture('new', 'READY'));
    expect(service.items().map((p) => p.id)).toEqual(['new', 'old']);
  });

  it('reads the upload limits', async () => {
    let limits: unknown;
    service.uploadLimits().subscribe((l) => (limits = l));
    apollo.expectOne('UploadLimits').flushData({ uploadLimits: limitsFixture });
    await settle();
    expect(limits).toMatchObject({
      defaultResolutions: [720, 360],
      maxSegmentDuration: 30,
    });
  });

  it('removes a deleted playlist from the history', async () => {
    service.loadFirstPage();
    apollo
      .expectOne('Playlists')
      .flushData(
        connectionFixture([listItemFixture('a'), listItemFixture('b')]),
      );
    await settle();
    service.deletePlaylist('a').subscribe();
    const op = apollo.expectOne('DeletePlaylist');
    expect(op.operation.variables).toEqual({ id: 'a' });
    op.flushData({ deletePlaylist: 'a' });
    await settle();
    expect(service.items().map((p) => p.id)).toEqual(['b']);
  });
});
