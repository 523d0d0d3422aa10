import { ConsoleLogger, Logger } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { CatalogService } from '../catalog/catalog.service';
import { AppConfig } from '../config/app-config';
import { ErrorCode, ProcessingError, ProcessingFailure, ServiceUnavailableError } from '../errors/domain-error';
import type { MediaProbe } from '../ffmpeg/media-probe';
import type { VideoProbe } from '../ffmpeg/probe-parser';
import { ProgressTracker } from '../progress/progress-tracker';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import type { TranscodeService } from '../transcode/transcode.service';
import type { UploadOptionsInput } from './dto/upload-options.input';
import { IncomingFile, UploadService } from './upload.service';

const probe: VideoProbe = {
  demuxer: 'mov',
  duration: 6,
  sizeBytes: 5,
  streamCount: 2,
  video: {
    ...{ codec: 'h264', width: 640, height: 360, displayWidth: 640, displayHeight: 360, rotation: 0, sampleAspectRatio: '1:1', frameRate: 25, pixelFormat: 'yuv420p', bitDepth: 8 },
    ...{ colorTransfer: 'bt709', colorPrimaries: 'bt709', colorSpace: 'bt709', colorRange: 'tv', fieldOrder: 'progressive' },
  },
  audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
  subtitles: [],
};
const options = (overrides: Partial<UploadOptionsInput> = {}) => ({ resolutions: [720, 360, 240], segmentDuration: 4, ...overrides }) as UploadOptionsInput;
const file = (filename: string, stream: () => Readable = () => Readable.from([Buffer.from('video')])): IncomingFile => ({ filename, createReadStream: stream });
/** A stream that fails part-way, as graphql-upload's does when the client goes away or the size limit is passed. */
const failing = (error: Error & { status?: number }) => () =>
  new Readable({
    read() {
      this.push(Buffer.from('part'));
      this.destroy(error);
    },
  });

/** A file as graphql-upload hands it over: its bytes already in a temp file, written by a `capacitor` (fs-capacitor). */
function buffered(filename: string, bytes: string, fail?: Error): IncomingFile {
  const path = join(mkdtempSync(join(tmpdir(), 'cmm-upload-buffer-')), 'capacitor-1.tmp');
  writeFileSync(path, bytes);
  const capacitor = Object.assign(new Writable({ autoDestroy: false, write: (_chunk, _encoding, done) => done() }), { _path: path });
  capacitor.on('error', () => undefined);
  if (fail) setImmediate(() => capacitor.destroy(fail));
  else capacitor.end();
  return Object.assign(file(filename, () => Readable.from([Buffer.from(bytes)])), { capacitor });
}

describe('UploadService', () => {
  let root: string;
  let catalog: CatalogService;
  let tracker: ProgressTracker;
  let transcode: { enqueued: string[]; cancelled: string[]; enqueue(id: string): void; cancel(id: string): Promise<void> };
  let probeResult: () => Promise<VideoProbe>;
  let service: UploadService;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-upload-service-'));
    const storage = new LocalDiskStorage(root);
    catalog = new CatalogService(storage);
    await catalog.onModuleInit();
    tracker = new ProgressTracker(new PubSub());
    transcode = {
      enqueued: [],
      cancelled: [],
      enqueue(id) {
        this.enqueued.push(id);
      },
      async cancel(id) {
        this.cancelled.push(id);
      },
    };
    probeResult = async () => probe;
    const mediaProbe = { probe: () => probeResult() } as unknown as MediaProbe;
    const config = Object.assign(new AppConfig(), { MAX_UPLOAD_BYTES: 1024 });
    service = new UploadService(storage, catalog, mediaProbe, transcode as unknown as TranscodeService, tracker, config);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores the source, records the playlist QUEUED with its planned ladder, and queues the job', async () => {
    const manifest = await service.upload(file('Holiday clip.MP4'), options({ title: '  Holiday  ' }));
    expect(manifest).toMatchObject({
      title: 'Holiday',
      status: 'QUEUED',
      requested_resolutions: [720, 360, 240],
      skipped_resolutions: [720],
      ladder: [expect.objectContaining({ label: '360p' }), expect.objectContaining({ label: '240p' })],
      source: expect.objectContaining({ filename: 'Holiday clip.MP4', size_bytes: 5, width: 640, has_audio: true }),
    });
    expect(readdirSync(join(root, manifest.id, 'source'))).toHaveLength(1);
    expect(transcode.enqueued).toEqual([manifest.id]);
    expect(catalog.find(manifest.id)).toEqual(manifest);
  });

  it('moves graphql-upload’s buffered file into place rather than copying its bytes', async () => {
    const incoming = buffered('clip.mp4', 'a video');
    const manifest = await service.upload(incoming, options());
    const stored = statSync(join(root, manifest.id, 'source', 'clip.mp4'));
    expect(stored.ino).toBe(statSync((incoming as unknown as { capacitor: { _path: string } }).capacitor._path).ino);
    expect(manifest.source.size_bytes).toBe(7);
  });

  it('refuses a buffered file past the size limit, leaving nothing behind', async () => {
    const tooLarge = buffered('big.mp4', 'part', Object.assign(new Error('File truncated as it exceeds the 1024 byte size limit.'), { status: 413 }));
    await expect(service.upload(tooLarge, options())).rejects.toMatchObject({ code: ErrorCode.BadUserInput, message: 'The file is larger than the maximum upload size of 1.0 KB' });
    expect(readdirSync(root)).toEqual([]);
  });

  it('probes at most two uploads at once, however many arrive together', async () => {
    let running = 0;
    let most = 0;
    probeResult = async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return probe;
    };
    const uploads = await Promise.all(Array.from({ length: 6 }, (_, i) => service.upload(file(`clip-${i}.mp4`), options())));
    expect(uploads).toHaveLength(6);
    expect(most).toBe(2);
  });

  it('titles an untitled upload after its file name', async () => {
    expect((await service.upload(file('beach.mov'), options())).title).toBe('beach');
  });

  it.each([
    ['no file name', file(''), 'The upload has no file name'],
    ['an extension that is not a video container', file('notes.txt'), 'Unsupported file type; allowed extensions: mp4, mov, m4v, mkv, webm, avi, mts, m2ts, ts'],
    ['an empty file', file('empty.mp4', () => Readable.from([])), 'The file is empty'],
    [
      'a file past the size limit',
      file('big.mp4', failing(Object.assign(new Error('File truncated as it exceeds the 1024 byte size limit.'), { status: 413 }))),
      'The file is larger than the maximum upload size of 1.0 KB',
    ],
    ['a client that goes away mid-upload', file('cut.mp4', failing(new Error('Request disconnected during file upload stream parsing.'))), 'The upload was interrupted: Request disconnected during file upload stream parsing.'],
  ])('refuses %s as BAD_USER_INPUT on `file`, leaving nothing behind', async (_name, incoming, message) => {
    await expect(service.upload(incoming, options())).rejects.toMatchObject({ code: ErrorCode.BadUserInput, field: 'file', message });
    expect(readdirSync(root)).toEqual([]);
    expect(catalog.all()).toEqual([]);
    expect(transcode.enqueued).toEqual([]);
  });

  it('answers a full disk as the server’s INSUFFICIENT_STORAGE, not the uploader’s fault, leaving nothing behind', async () => {
    class FullDisk extends LocalDiskStorage {
      override async writeStream(key: string, source: Readable): Promise<number> {
        await super.writeStream(key, Readable.from([Buffer.from('the first bytes')]));
        source.resume();
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
    }
    const full = new UploadService(new FullDisk(root), catalog, { probe: () => probeResult() } as unknown as MediaProbe, transcode as unknown as TranscodeService, tracker, new AppConfig());
    await expect(full.upload(file('a.mp4'), options())).rejects.toMatchObject({
      code: ErrorCode.InsufficientStorage,
      message: 'The server is out of storage space; nothing was kept. Try again later.',
    });
    expect(readdirSync(root)).toEqual([]);
    expect(catalog.all()).toEqual([]);
  });

  it('answers a database lost once the file has arrived as SERVICE_UNAVAILABLE, leaving nothing behind', async () => {
    jest.spyOn(catalog, 'save').mockRejectedValue(new ServiceUnavailableError('database'));
    await expect(service.upload(file('a.mp4'), options())).rejects.toMatchObject({ code: ErrorCode.ServiceUnavailable, dependency: 'database' });
    expect(readdirSync(root)).toEqual([]);
    expect(transcode.enqueued).toEqual([]);
  });

  it('refuses a file ffprobe cannot read as a video with the probe’s message, leaving nothing behind', async () => {
    probeResult = async () => {
      throw new ProcessingError(ProcessingFailure.NoVideoStream, 'The file has no video stream (it only has audio); upload a video file.');
    };
    await expect(service.upload(file('song.mp4'), options())).rejects.toMatchObject({
      code: ErrorCode.BadUserInput,
      field: 'file',
      message: 'The file has no video stream (it only has audio); upload a video file.',
    });
    expect(readdirSync(root)).toEqual([]);
  });

  it('ingests a file received whole elsewhere (a resumable upload) under its reserved id, keeping the received file', async () => {
    const received = join(mkdtempSync(join(tmpdir(), 'cmm-received-')), 'partial');
    writeFileSync(received, 'a video');
    const id = service.reservePlaylistId('Beach Day.MOV', new Date('2026-12-01T00:15:00Z'));
    expect(id).toMatch(/^beach-day-20261201T001500Z-[0-9a-f]{6}$/);
    const manifest = await service.ingestReceived(id, 'Beach Day.MOV', options({ title: 'Beach' }), received);
    expect(manifest).toMatchObject({ id, title: 'Beach', status: 'QUEUED', source: expect.objectContaining({ filename: 'Beach Day.MOV', size_bytes: 7 }) });
    expect(statSync(join(root, id, 'source', 'beach-day.mov')).size).toBe(7);
    expect(transcode.enqueued).toEqual([id]);
  });

  it.each([
    ['no file name', '', 'The upload has no file name'],
    ['an extension that is not a video container', 'notes.txt', 'Unsupported file type; allowed extensions: mp4, mov, m4v, mkv, webm, avi, mts, m2ts, ts'],
  ])('reserves no id for %s', (_name, filename, message) => {
    expect(() => service.reservePlaylistId(filename, new Date())).toThrow(expect.objectContaining({ code: ErrorCode.BadUserInput, field: 'filename', message }));
  });

  it('refuses a received file ffprobe cannot read, leaving no playlist behind', async () => {
    const received = join(mkdtempSync(join(tmpdir(), 'cmm-received-')), 'partial');
    writeFileSync(received, 'not a video');
    probeResult = async () => {
      throw new ProcessingError(ProcessingFailure.UnreadableContainer, 'The file is not a video ffprobe can read.');
    };
    await expect(service.ingestReceived('x-20261201T001500Z-abcdef', 'x.mp4', options(), received)).rejects.toMatchObject({ code: ErrorCode.BadUserInput, field: 'file' });
    expect(readdirSync(root)).toEqual([]);
    expect(catalog.all()).toEqual([]);
  });

  it('deletes a playlist: its job is cancelled, its record and files go, its progress is forgotten', async () => {
    const { id } = await service.upload(file('a.mp4'), options());
    await tracker.publish({ playlistId: id, status: 'QUEUED' } as Parameters<ProgressTracker['publish']>[0]);
    await service.delete(id);
    expect(transcode.cancelled).toEqual([id]);
    expect(catalog.find(id)).toBeNull();
    expect(readdirSync(root)).toEqual([]);
    expect(tracker.current(id)).toBeNull();
  });

  it('answers NOT_FOUND for deleting an unknown playlist, and cancels nothing', async () => {
    await expect(service.delete('nope')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(transcode.cancelled).toEqual([]);
  });
});
