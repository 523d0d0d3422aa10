import { HttpEventType, HttpHeaderResponse } from '@angular/common/http';
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
import {
  detailFixture,
  listItemFixture,
  progressFixture,
  videoFile,
} from '../../testing/fixtures';
import { AuthService } from '../auth/auth.service';
import { PlaylistsService } from '../playlists/data-access/playlists.service';
import { UploadService } from './upload.service';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('UploadService', () => {
  let service: UploadService;
  let http: HttpTestingController;
  let apollo: ApolloTestingController;
  let navigate: jest.Mock;

  const options = {
    resolutions: [720, 360],
    segmentDuration: 4,
    title: 'My clip',
  };

  beforeEach(() => {
    navigate = jest.fn().mockResolvedValue(true);
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: Router, useValue: { navigate } },
      ],
    });
    service = TestBed.inject(UploadService);
    http = TestBed.inject(HttpTestingController);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => http.verify());

  it('posts a GraphQL multipart request with operations, map and the file as part 0', () => {
    const file = videoFile('clip.mp4', 4096);
    service.start({ file, options });

    const req = http.expectOne('/graphql');
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    expect(req.request.headers.get('apollo-require-preflight')).toBe('true');
    const body = req.request.body as FormData;
    expect([...body.keys()]).toEqual(['operations', 'map', '0']);
    const operations = JSON.parse(body.get('operations') as string);
    expect(operations.operationName).toBe('UploadVideo');
    expect(operations.variables).toEqual({ file: null, options });
    expect(JSON.parse(body.get('map') as string)).toEqual({
      0: ['variables.file'],
    });
    expect((body.get('0') as File).name).toBe('clip.mp4');
  });

  it('reports the share of bytes sent from upload progress events', () => {
    const id = service.start({ file: videoFile(), options });
    const req = http.expectOne('/graphql');
    req.event({ type: HttpEventType.UploadProgress, loaded: 512, total: 2048 });
    expect(service.job(id)).toMatchObject({
      phase: 'uploading',
      sentPercent: 25,
    });
    req.event({
      type: HttpEventType.UploadProgress,
      loaded: 2048,
      total: 2048,
    });
    expect(service.job(id)?.sentPercent).toBe(100);
  });

  it('keeps several uploads in flight at once', () => {
    service.start({ file: videoFile('a.mp4'), options });
    service.start({ file: videoFile('b.mp4'), options });
    const requests = http.match('/graphql');
    expect(requests).toHaveLength(2);
    expect(service.jobs().map((j) => j.fileName)).toEqual(['b.mp4', 'a.mp4']);
    requests.forEach((r) => r.flush({ errors: [{ message: 'x' }] }));
  });

  it('shows server validation errors by field', () => {
    const id = service.start({ file: videoFile(), options });
    http.expectOne('/graphql').flush({
      data: null,
      errors: [
        {
          message: 'Segment duration must be between 1 and 30 s',
          extensions: { code: 'BAD_USER_INPUT', field: 'segmentDuration' },
        },
      ],
    });
    expect(service.job(id)).toMatchObject({
      phase: 'rejected',
      fieldErrors: {
        segmentDuration: 'Segment duration must be between 1 and 30 s',
      },
    });
  });

  it('reads validation errors from a 400 response too', () => {
    const id = service.start({ file: videoFile(), options });
    http.expectOne('/graphql').flush(
      {
        errors: [
          {
            message: 'Unsupported file type',
            extensions: { code: 'BAD_USER_INPUT', field: 'file' },
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(service.job(id)?.fieldErrors).toEqual({
      file: 'Unsupported file type',
    });
  });

  it('asks for an API token when the server refuses the upload without one', () => {
    const id = service.start({ file: videoFile(), options });
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

  it('offers a retry after a network failure and sends the same file again', () => {
    const id = service.start({ file: videoFile('again.mp4'), options });
    http.expectOne('/graphql').error(new ProgressEvent('error'));
    expect(service.job(id)).toMatchObject({ phase: 'network-error' });
    expect(service.job(id)?.error).toContain('Network error');

    service.retry(id);
    const retried = http.expectOne('/graphql');
    expect((retried.request.body as FormData).get('0')).toMatchObject({
      name: 'again.mp4',
    });
    expect(service.job(id)).toMatchObject({
      phase: 'uploading',
      sentPercent: 0,
      error: null,
    });
    retried.flush({ errors: [{ message: 'x' }] });
  });

  it('aborts the HTTP request on cancel and forgets the upload', () => {
    const id = service.start({ file: videoFile(), options });
    const req = http.expectOne('/graphql');
    service.cancel(id);
    expect(req.cancelled).toBe(true);
    expect(service.jobs()).toEqual([]);
  });

  it('follows processing after the upload and opens the playlist as soon as it is playable', async () => {
    const playlists = TestBed.inject(PlaylistsService);
    const id = service.start({ file: videoFile(), options });
    http
      .expectOne('/graphql')
      .flush({ data: { uploadVideo: listItemFixture('new-1', 'QUEUED') } });

    expect(service.job(id)).toMatchObject({
      phase: 'processing',
      playlistId: 'new-1',
      stage: 'QUEUED',
      sentPercent: 100,
    });
    expect(playlists.items()[0].id).toBe('new-1');
    expect(service.pendingJobs()).toEqual([]);

    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('new-1', 'QUEUED') });
    await settle();
    const sub = apollo.expectOne('ProcessingProgress');
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
      processingProgress: progressFixture('new-1', 'TRANSCODING', 58, null, true),
    });
    await settle();
    expect(service.job(id)).toMatchObject({
      phase: 'opened',
      stage: 'TRANSCODING',
      stagePercent: 58,
    });
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(['/playlists', 'new-1']);
  });

  it('opens a playlist first seen READY, also from a server that never says playable', async () => {
    const id = service.start({ file: videoFile(), options });
    http
      .expectOne('/graphql')
      .flush({ data: { uploadVideo: listItemFixture('new-2', 'QUEUED') } });
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('new-2', 'QUEUED') });
    await settle();
    apollo.expectOne('ProcessingProgress').flushData({
      processingProgress: progressFixture('new-2', 'READY', 100, null, false),
    });
    await settle();
    expect(service.job(id)?.phase).toBe('opened');
    expect(navigate).toHaveBeenCalledWith(['/playlists', 'new-2']);
  });

  it('shows every byte sent once the server answers, even if the last progress event never came', () => {
    const id = service.start({ file: videoFile(), options });
    const req = http.expectOne('/graphql');
    req.event({
      type: HttpEventType.UploadProgress,
      loaded: 1900,
      total: 2048,
    });
    expect(service.job(id)?.sentPercent).toBeLessThan(100);
    req.event(new HttpHeaderResponse({ status: 200 }));
    expect(service.job(id)).toMatchObject({
      phase: 'uploading',
      sentPercent: 100,
    });
    req.flush({ errors: [{ message: 'x' }] });
  });

  it('shows the processing error when the playlist FAILED', async () => {
    const id = service.start({ file: videoFile(), options });
    http
      .expectOne('/graphql')
      .flush({ data: { uploadVideo: listItemFixture('bad', 'QUEUED') } });
    apollo
      .expectOne('Playlist')
      .flushData({ playlist: detailFixture('bad', 'QUEUED') });
    await settle();
    apollo.expectOne('ProcessingProgress').flushData({
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
