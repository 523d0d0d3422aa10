import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import type { PreviousUpload } from 'tus-js-client';
import { fakeTus } from '../../testing/fake-tus';
import {
  detailFixture,
  progressFixture,
  videoFile,
} from '../../testing/fixtures';
import { AuthTokenStore } from '../auth/auth-token.store';
import { TOKEN_STORAGE } from '../auth/auth.tokens';
import { AuthService } from '../auth/auth.service';
import { PlaylistsService } from '../playlists/data-access/playlists.service';
import {
  TUS_CHUNK_BYTES,
  TUS_RETRY_DELAYS,
  UploadService,
} from './upload.service';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const created = (playlistId: string) => ({
  data: {
    createResumableUpload: {
      playlistId,
      uploadUrl: `/uploads/tus/${playlistId}`,
      expiresAt: '2026-12-02T00:00:00.000Z',
    },
  },
});

const previousUpload = (playlistId: string): PreviousUpload => ({
  size: 2048,
  metadata: { playlistId },
  creationTime: 'Tue Dec 01 2026',
  urlStorageKey: `tus::fingerprint::${playlistId}`,
  uploadUrl: `/uploads/tus/${playlistId}`,
  parallelUploadUrls: null,
});

describe('UploadService', () => {
  let service: UploadService;
  let http: HttpTestingController;
  let apollo: ApolloTestingController;
  let navigate: jest.Mock;
  let tus: ReturnType<typeof fakeTus>;

  const options = {
    resolutions: [720, 360],
    segmentDuration: 4,
    title: 'My clip',
  };

  function setUp(previous: PreviousUpload[] = []): void {
    navigate = jest.fn().mockResolvedValue(true);
    tus = fakeTus(previous);
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Router, useValue: { navigate } },
        { provide: TOKEN_STORAGE, useValue: null },
        tus.provider,
      ],
    });
    service = TestBed.inject(UploadService);
    http = TestBed.inject(HttpTestingController);
    apollo = TestBed.inject(ApolloTestingController);
  }

  /** Starts an upload and answers createResumableUpload for it. */
  async function startCreated(playlistId = 'new-1', file = videoFile()) {
    const id = service.start({ file, options });
    await settle();
    http.expectOne('/graphql').flush(created(playlistId));
    return { id, transfer: tus.transfers[tus.transfers.length - 1] };
  }

  /** Answers the playlist query and returns the progress subscription that follows it. */
  async function processing(playlistId: string) {
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture(playlistId, 'QUEUED') });
    await settle();
    return apollo.expectOne('ProcessingProgress');
  }

  afterEach(() => http.verify());

  describe('a new upload', () => {
    beforeEach(() => setUp());

    it('creates it with createResumableUpload (file name, size, options), then sends the bytes over tus to the URL it returns', async () => {
      const file = videoFile('clip.mp4', 4096);
      service.start({ file, options });
      await settle();
      const req = http.expectOne('/graphql');
      expect(req.request.body).toMatchObject({
        operationName: 'CreateResumableUpload',
        variables: { file: { filename: 'clip.mp4', size: 4096 }, options },
      });
      const [transfer] = tus.transfers;
      expect(transfer.starts).toBe(0);

      req.flush(created('clip-1'));
      expect(transfer.starts).toBe(1);
      expect(transfer.file).toBe(file);
      expect(transfer.options).toMatchObject({
        uploadUrl: '/uploads/tus/clip-1',
        metadata: { playlistId: 'clip-1' },
        chunkSize: TUS_CHUNK_BYTES,
        retryDelays: TUS_RETRY_DELAYS,
        removeFingerprintOnSuccess: true,
      });
    });

    it('sends the API token on every tus request, and none without one', async () => {
      const { transfer } = await startCreated();
      expect(await transfer.headersOf('PATCH')).toEqual({});
      TestBed.inject(AuthTokenStore).save('secret-token');
      expect(await transfer.headersOf('HEAD')).toEqual({
        Authorization: 'Bearer secret-token',
      });
    });

    it('reports the share of bytes sent', async () => {
      const { id, transfer } = await startCreated();
      transfer.progress(512);
      expect(service.job(id)).toMatchObject({
        phase: 'uploading',
        sentPercent: 25,
        resumedAt: null,
      });
    });

    it('shows the bytes already on the server when a dropped upload resumes on its own', async () => {
      const { id, transfer } = await startCreated();
      transfer.answerHead(0);
      expect(service.job(id)?.resumedAt).toBeNull();
      transfer.progress(1500);
      // the connection dropped; tus-js-client waits its retry delay, asks the server for its offset, and goes on
      transfer.answerHead(1200);
      expect(service.job(id)).toMatchObject({
        phase: 'uploading',
        resumedAt: 1200,
      });
    });

    it('keeps several uploads in flight at once', async () => {
      service.start({ file: videoFile('a.mp4'), options });
      service.start({ file: videoFile('b.mp4'), options });
      await settle();
      const requests = http.match('/graphql');
      expect(requests).toHaveLength(2);
      expect(service.jobs().map((j) => j.fileName)).toEqual(['b.mp4', 'a.mp4']);
      requests.forEach((r, i) => r.flush(created(`p${i}`)));
      expect(tus.transfers.map((t) => t.starts)).toEqual([1, 1]);
    });

    it('shows the mutation’s validation errors by field, the file’s name and size as the file’s', async () => {
      const id = service.start({ file: videoFile(), options });
      await settle();
      http.expectOne('/graphql').flush({
        data: null,
        errors: [
          {
            message: 'Segment duration must be at most 30 s',
            extensions: { code: 'BAD_USER_INPUT', field: 'segmentDuration' },
          },
          {
            message:
              'The file is larger than the maximum upload size of 4.0 GB',
            extensions: { code: 'BAD_USER_INPUT', field: 'size' },
          },
        ],
      });
      expect(service.job(id)).toMatchObject({
        phase: 'rejected',
        fieldErrors: {
          segmentDuration: 'Segment duration must be at most 30 s',
          file: 'The file is larger than the maximum upload size of 4.0 GB',
        },
      });
      expect(tus.transfers[0].starts).toBe(0);
    });

    it('asks for an API token when the server refuses to create the upload without one', async () => {
      const id = service.start({ file: videoFile(), options });
      await settle();
      http.expectOne('/graphql').flush(
        {
          errors: [
            {
              message: 'This server accepts writes only with an API token',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        },
        { status: 401, statusText: 'Unauthorized' },
      );
      expect(service.job(id)).toMatchObject({
        phase: 'rejected',
        error: 'This server accepts writes only with an API token',
      });
      const auth = TestBed.inject(AuthService);
      expect({ open: auth.dialogOpen(), problem: auth.problem() }).toEqual({
        open: true,
        problem: 'needed',
      });
    });

    it('shows why the server refused the complete file on its last PATCH', async () => {
      const { id, transfer } = await startCreated();
      transfer.fail(
        422,
        JSON.stringify({
          errors: [
            {
              message: 'The file has no video stream; upload a video file.',
              extensions: { code: 'BAD_USER_INPUT', field: 'file' },
            },
          ],
        }),
      );
      expect(service.job(id)).toMatchObject({
        phase: 'rejected',
        fieldErrors: {
          file: 'The file has no video stream; upload a video file.',
        },
      });
    });

    it('asks for an API token when the tus endpoint refuses one', async () => {
      const { id, transfer } = await startCreated();
      transfer.fail(401, 'The API token was not accepted\n');
      expect(service.job(id)).toMatchObject({
        phase: 'rejected',
        error: 'The API token was not accepted',
      });
      expect(TestBed.inject(AuthService).dialogOpen()).toBe(true);
    });

    it('says so when the server no longer has the upload', async () => {
      const { id, transfer } = await startCreated();
      transfer.fail(404);
      expect(service.job(id)).toMatchObject({
        phase: 'rejected',
        error: expect.stringContaining('no longer has this upload'),
      });
    });

    it('offers a retry once tus-js-client’s own retries are spent, and goes on from the server’s offset without creating another upload', async () => {
      const { id, transfer } = await startCreated();
      transfer.progress(1024);
      transfer.fail();
      expect(service.job(id)).toMatchObject({
        phase: 'network-error',
        error: expect.stringContaining('bytes the server already has'),
      });

      service.retry(id);
      expect(transfer.starts).toBe(2);
      expect(tus.transfers).toHaveLength(1);
      expect(service.job(id)).toMatchObject({
        phase: 'uploading',
        sentPercent: 50,
        error: null,
      });
    });

    it('offers a retry when the mutation never reached the server, and creates the upload then', async () => {
      const id = service.start({ file: videoFile(), options });
      await settle();
      http.expectOne('/graphql').error(new ProgressEvent('error'));
      expect(service.job(id)?.error).toContain('Network error');
      service.retry(id);
      await settle();
      http.expectOne('/graphql').flush(created('p-retry'));
      expect(tus.transfers.at(-1)?.options.uploadUrl).toBe(
        '/uploads/tus/p-retry',
      );
    });

    it('cancels: stops the transfer, removes the partial upload from the server, and forgets it', async () => {
      const { id, transfer } = await startCreated();
      service.cancel(id);
      expect(transfer.aborts).toEqual([true]);
      expect(service.jobs()).toEqual([]);
    });

    it('follows processing after the last byte and opens the playlist as soon as it is playable', async () => {
      const playlists = TestBed.inject(PlaylistsService);
      const { id, transfer } = await startCreated('new-1');
      transfer.progress(2048);
      transfer.succeed();
      expect(service.job(id)).toMatchObject({
        phase: 'processing',
        playlistId: 'new-1',
        stage: 'QUEUED',
        sentPercent: 100,
      });
      expect(service.pendingJobs()).toEqual([]);

      const sub = await processing('new-1');
      expect(playlists.items()[0].id).toBe('new-1');
      sub.flushData({
        processingProgress: progressFixture('new-1', 'TRANSCODING', 55),
      });
      await settle();
      expect(service.job(id)).toMatchObject({
        stage: 'TRANSCODING',
        stagePercent: 55,
      });
      expect(navigate).not.toHaveBeenCalled();

      // the PLAYABLE moment: the rest is still being encoded
      sub.flushData({
        processingProgress: progressFixture(
          'new-1',
          'TRANSCODING',
          58,
          null,
          true,
        ),
      });
      await settle();
      expect(service.job(id)?.phase).toBe('opened');
      expect(navigate).toHaveBeenCalledWith(['/playlists', 'new-1']);
    });

    it('opens a playlist first seen READY, also from a server that never says playable', async () => {
      const { id, transfer } = await startCreated('new-2');
      transfer.succeed();
      (await processing('new-2')).flushData({
        processingProgress: progressFixture('new-2', 'READY', 100, null, false),
      });
      await settle();
      expect(service.job(id)?.phase).toBe('opened');
      expect(navigate).toHaveBeenCalledWith(['/playlists', 'new-2']);
    });

    it('shows the processing error when the playlist FAILED', async () => {
      const { id, transfer } = await startCreated('bad');
      transfer.succeed();
      (await processing('bad')).flushData({
        processingProgress: progressFixture(
          'bad',
          'FAILED',
          10,
          'Invalid data found when processing input',
        ),
      });
      await settle();
      expect(service.job(id)).toMatchObject({
        phase: 'failed',
        error: 'Invalid data found when processing input',
      });
      expect(navigate).not.toHaveBeenCalled();
    });
  });

  describe('after a page reload', () => {
    beforeEach(() => setUp([previousUpload('kept-1')]));

    it('resumes the unfinished upload this browser stored for the same file, without creating another, and shows what the server has', async () => {
      const id = service.start({ file: videoFile('clip.mp4', 2048), options });
      await settle();
      http.expectNone('/graphql');
      const [transfer] = tus.transfers;
      expect(transfer.resumedFrom?.uploadUrl).toBe('/uploads/tus/kept-1');
      expect(transfer.starts).toBe(1);

      transfer.answerHead(1536);
      expect(service.job(id)?.resumedAt).toBe(1536);
      transfer.succeed();
      expect(service.job(id)?.playlistId).toBe('kept-1');
      await processing('kept-1');
    });

    it('starts over with a new upload when the server no longer has the stored one (it expired while the page was closed)', async () => {
      const id = service.start({ file: videoFile('clip.mp4', 2048), options });
      await settle();
      tus.transfers[0].fail(404);
      http.expectOne('/graphql').flush(created('fresh-1'));
      expect(tus.transfers).toHaveLength(2);
      expect(tus.transfers[1]).toMatchObject({
        resumedFrom: null,
        starts: 1,
        options: expect.objectContaining({ uploadUrl: '/uploads/tus/fresh-1' }),
      });
      expect(service.job(id)?.phase).toBe('uploading');
    });
  });
});
