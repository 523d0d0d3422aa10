import type { Rung } from '@cmm/media-rules';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { PubSub } from 'graphql-subscriptions';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CatalogService } from '../catalog/catalog.service';
import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import type { MediaProbe } from '../ffmpeg/media-probe';
import { readProcessIdentity } from '../ffmpeg/process-identity';
import type { VideoProbe } from '../ffmpeg/probe-parser';
import type { ProcessingProgress } from '../progress/models/processing-progress.model';
import { ProgressTracker } from '../progress/progress-tracker';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { InMemoryJobQueue } from './in-memory-job-queue';
import type { EncodeProgress, PipelineEvents, PipelineInput, PipelineOutput, TranscodePipeline } from './transcode-pipeline';
import { TranscodeService } from './transcode.service';

const rung: Rung = { label: '240p', height: 240, width: 426, crf: 23, maxrateKbps: 400, bufsizeKbps: 800, audioKbps: 64 };
const probe = { demuxer: 'mov', duration: 6, video: { frameRate: 25 } } as VideoProbe;
const STORYBOARD = { vtt: 'storyboard/thumbnails.vtt', sprites: ['storyboard/sprite_000.jpg'], interval: 2, count: 3, width: 160, height: 90, columns: 3, rows: 1 };
const output: PipelineOutput = { variants: [], hls_manifest: 'stream/master.m3u8', dash_manifest: 'stream/manifest.mpd', poster: 'poster.jpg', storyboard: STORYBOARD, captions: [], skipped_subtitles: [] };

/** A pipeline the spec drives: each run reports the given progress, then ends as told. */
class ScriptedPipeline {
  readonly inputs: PipelineInput[] = [];
  constructor(
    private readonly script: (
      onProgress: (p: EncodeProgress) => void,
      signal: AbortSignal,
      onEncoderStarted: (pid: number) => void,
      events: PipelineEvents,
      input: PipelineInput,
    ) => Promise<PipelineOutput>,
  ) {}
  run(input: PipelineInput, events: PipelineEvents, signal: AbortSignal): Promise<PipelineOutput> {
    this.inputs.push(input);
    return this.script(events.progress, signal, (pid) => events.encoderStarted?.(pid), events, input);
  }
}

const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new ProcessingError(ProcessingFailure.Cancelled, 'cancelled'))));

describe('TranscodeService: the job state machine', () => {
  let root: string;
  let catalog: CatalogService;
  let tracker: ProgressTracker;
  let queue: InMemoryJobQueue;
  let service: TranscodeService | undefined;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-transcode-service-'));
    catalog = new CatalogService(new LocalDiskStorage(root));
    await catalog.onModuleInit();
    tracker = new ProgressTracker(new PubSub());
    queue = new InMemoryJobQueue(1);
  });
  afterEach(async () => {
    await service?.onModuleDestroy();
    rmSync(root, { recursive: true, force: true });
  });

  async function seed(id: string, status = PlaylistStatus.QUEUED): Promise<PlaylistManifest> {
    return catalog.save({
      id,
      title: id,
      status,
      error: null,
      created_at: '2026-11-30T00:00:00.000Z',
      created_at_ts: 0,
      updated_at: '',
      source: { path: 'source/a.mp4' } as PlaylistManifest['source'],
      segment_duration: 2,
      requested_resolutions: [240],
      skipped_resolutions: [],
      ladder: [rung],
      variants: [],
      hls_manifest: null,
      dash_manifest: null,
      poster: null,
      progress: null,
    });
  }

  async function start(pipeline: ScriptedPipeline, probeResult: () => Promise<VideoProbe> = async () => probe): Promise<TranscodeService> {
    const mediaProbe = { probe: probeResult } as unknown as MediaProbe;
    service = new TranscodeService(catalog, queue, mediaProbe, pipeline as unknown as TranscodePipeline, new LocalDiskStorage(root), tracker);
    await service.onApplicationBootstrap();
    return service;
  }

  /** Files under the media root, as runs of a job write them. */
  const writeFiles = (...keys: string[]) =>
    keys.forEach((key) => {
      mkdirSync(dirname(join(root, key)), { recursive: true });
      writeFileSync(join(root, key), 'x');
    });
  /** What a playlist's folder (`stream`, `.work`, `storyboard`) holds; null when it is gone. */
  const leftIn = (id: string, folder: string) => (existsSync(join(root, id, folder)) ? readdirSync(join(root, id, folder)) : null);
  const jobsDone = async () => {
    while ((await queue.jobIds()).size > 0) await new Promise((resolve) => setImmediate(resolve));
  };

  /** Every snapshot published for the playlist until its job ends. */
  async function followToEnd(id: string): Promise<ProcessingProgress[]> {
    const seen: ProcessingProgress[] = [];
    for await (const event of tracker.follow(id, { playlistId: id, status: PlaylistStatus.QUEUED } as ProcessingProgress)) {
      if ('deleted' in event) throw new Error(`${id} was deleted`);
      seen.push(event);
    }
    return seen;
  }

  const encodeThenFinish = async (onProgress: (p: EncodeProgress) => void) => {
    onProgress({ stage: 'TRANSCODING', percent: 50, speed: 2, etaSeconds: 1.5 });
    onProgress({ stage: 'PACKAGING', percent: 100, speed: null, etaSeconds: 0 });
    return output;
  };

  it.each([
    [
      'a clean run goes QUEUED → PROBING → TRANSCODING → PACKAGING → READY, each persisted',
      new ScriptedPipeline(encodeThenFinish),
      async () => probe,
      ['QUEUED', 'PROBING', 'TRANSCODING', 'TRANSCODING', 'PACKAGING', 'READY'],
      { status: 'READY', error: null, hls_manifest: 'stream/master.m3u8', poster: 'poster.jpg', storyboard: STORYBOARD },
    ],
    [
      'an unreadable source fails at PROBING with the probe’s message',
      new ScriptedPipeline(encodeThenFinish),
      async () => {
        throw new ProcessingError(ProcessingFailure.UnreadableContainer, 'The file could not be read as a video.');
      },
      ['QUEUED', 'PROBING', 'FAILED'],
      { status: 'FAILED', error: 'The file could not be read as a video.', hls_manifest: null },
    ],
    [
      'an encoder failure ends FAILED with the pipeline’s message',
      new ScriptedPipeline(async () => {
        throw new ProcessingError(ProcessingFailure.EncoderFailed, 'Encoding failed.');
      }),
      async () => probe,
      ['QUEUED', 'PROBING', 'TRANSCODING', 'FAILED'],
      { status: 'FAILED', error: 'Encoding failed.' },
    ],
    [
      'an unexpected error ends FAILED with a message that blames us, not the file',
      new ScriptedPipeline(async () => {
        throw new Error('EACCES: /srv/media/x');
      }),
      async () => probe,
      ['QUEUED', 'PROBING', 'TRANSCODING', 'FAILED'],
      { status: 'FAILED', error: 'Processing failed because of an internal error; the source is kept so it can be retried.' },
    ],
  ])('%s', async (_name, pipeline, probeResult, statuses, recorded) => {
    await seed('p');
    const following = followToEnd('p');
    await start(pipeline, probeResult);
    service?.enqueue('p');
    expect((await following).map((s) => s.status)).toEqual(statuses);
    expect(catalog.get('p')).toMatchObject(recorded);
    expect(JSON.parse(JSON.stringify(catalog.get('p')))).toEqual(catalog.get('p'));
  });

  it('encodes the ladder planned at upload, from the kept source', async () => {
    const pipeline = new ScriptedPipeline(encodeThenFinish);
    await seed('p');
    const following = followToEnd('p');
    await start(pipeline);
    service?.enqueue('p');
    await following;
    expect(pipeline.inputs).toEqual([{ playlistId: 'p', run: catalog.get('p').job_run, sourceKey: 'p/source/a.mp4', probe, rungs: [rung], segmentDuration: 2 }]);
  });

  it('reports encode progress scaled to 95 % of the whole, with speed and time left', async () => {
    await seed('p');
    const following = followToEnd('p');
    await start(new ScriptedPipeline(encodeThenFinish));
    service?.enqueue('p');
    const encoding = (await following).filter((s) => s.status === PlaylistStatus.TRANSCODING).at(-1);
    expect(encoding).toMatchObject({ percent: 47.5, speed: 2, etaSeconds: 1.5, rungs: [{ label: '240p', height: 240, percent: 50 }] });
  });

  describe('the PLAYABLE moment', () => {
    const at = new Date('2026-11-30T10:00:02.000Z');
    const playableThen = (end: () => Promise<PipelineOutput>) =>
      new ScriptedPipeline(async (onProgress, _signal, _started, events) => {
        onProgress({ stage: 'TRANSCODING', percent: 10, speed: 1, etaSeconds: 9 });
        events.playable?.({ hls_manifest: 'stream/master.m3u8', dash_manifest: 'stream/manifest.mpd', at });
        onProgress({ stage: 'TRANSCODING', percent: 20, speed: 1, etaSeconds: 8 });
        return end();
      });

    it('is published while TRANSCODING, persisted with where the stream is, and kept at READY', async () => {
      await seed('p');
      const following = followToEnd('p');
      let whilePlayable: PlaylistManifest | null = null;
      await start(
        playableThen(async () => {
          while (!tracker.current('p')?.playable) await new Promise((r) => setImmediate(r));
          whilePlayable = catalog.get('p');
          return output;
        }),
      );
      service?.enqueue('p');
      const seen = await following;
      const first = seen.findIndex((s) => s.playable);
      expect(first).toBeGreaterThan(0);
      expect(seen.slice(0, first).every((s) => !s.playable && !s.playableAt)).toBe(true);
      expect(seen[first]).toMatchObject({ status: 'TRANSCODING', percent: 9.5, playable: true, playableAt: at });
      expect(seen.slice(first).every((s) => s.playable)).toBe(true);
      expect(whilePlayable).toMatchObject({ status: 'TRANSCODING', playable_at: at.toISOString(), hls_manifest: 'stream/master.m3u8', dash_manifest: 'stream/manifest.mpd' });
      expect(catalog.get('p')).toMatchObject({ status: 'READY', playable_at: at.toISOString() });
    });

    it('is withdrawn when the job then fails', async () => {
      await seed('p');
      const following = followToEnd('p');
      await start(playableThen(() => Promise.reject(new ProcessingError(ProcessingFailure.EncoderFailed, 'Encoding failed.'))));
      service?.enqueue('p');
      expect((await following).at(-1)).toMatchObject({ status: 'FAILED', playable: false, playableAt: null });
      expect(catalog.get('p')).toMatchObject({ status: 'FAILED', playable_at: null, hls_manifest: null, dash_manifest: null });
    });

    it('is withdrawn at start-up from a job a restart interrupted, until its retry is playable again', async () => {
      await seed('p', PlaylistStatus.TRANSCODING);
      await catalog.update('p', { playable_at: at.toISOString(), hls_manifest: 'stream/master.m3u8', dash_manifest: 'stream/manifest.mpd' });
      let atRetry: PlaylistManifest | null = null;
      const following = followToEnd('p');
      await start(
        new ScriptedPipeline(async (onProgress) => {
          atRetry = catalog.get('p');
          return encodeThenFinish(onProgress);
        }),
      );
      await following;
      expect(atRetry).toMatchObject({ playable_at: null, hls_manifest: null, dash_manifest: null });
      // a ladder done before the publisher saw it grow is playable from READY on
      expect(Date.parse(catalog.get('p').playable_at ?? '')).toBeGreaterThan(at.getTime());
    });
  });

  it.each([PlaylistStatus.QUEUED, PlaylistStatus.PROBING, PlaylistStatus.TRANSCODING, PlaylistStatus.PACKAGING])(
    'a job left %s by a restart is queued again and finishes',
    async (status) => {
      await seed('p', status);
      const following = followToEnd('p');
      await start(new ScriptedPipeline(encodeThenFinish));
      expect((await following).at(-1)?.status).toBe('READY');
    },
  );

  it.each([PlaylistStatus.READY, PlaylistStatus.FAILED])('a %s playlist is left alone at start-up', async (status) => {
    const pipeline = new ScriptedPipeline(encodeThenFinish);
    await seed('p', status);
    await start(pipeline);
    await queue.stop();
    expect(pipeline.inputs).toEqual([]);
    expect(catalog.get('p').status).toBe(status);
  });

  it.each([
    ['READY removes what other runs left, keeping its own stream, the captions and the storyboard', () => Promise.resolve(output), (run: string) => ({ stream: ['captions', run].sort(), '.work': null, storyboard: ['thumbnails.vtt'] })],
    ['FAILED removes what every run left', () => Promise.reject(new ProcessingError(ProcessingFailure.EncoderFailed, 'Encoding failed.')), () => ({ stream: null, '.work': null, storyboard: null })],
  ])('%s', async (_name, end, expected) => {
    await seed('p');
    // a run cut off earlier left its stream and build behind
    writeFiles('p/stream/an-old-run/240p/segment_00000.m4s', 'p/.work/an-old-run/240p/segment_00001.m4s');
    await start(
      new ScriptedPipeline(async (_onProgress, _signal, _started, _events, input) => {
        writeFiles(`p/stream/${input.run}/master.m3u8`, 'p/stream/captions/fr.vtt', 'p/storyboard/thumbnails.vtt');
        return end();
      }),
    );
    service?.enqueue('p');
    await jobsDone();
    const run = catalog.get('p').job_run as string;
    expect(Object.fromEntries(['stream', '.work', 'storyboard'].map((folder) => [folder, leftIn('p', folder)?.sort() ?? null]))).toEqual(expected(run));
  });

  it('a progress write that fails (a full disk, say) is logged, not an unhandled rejection, and the job goes on', async () => {
    await seed('p');
    const update = catalog.update.bind(catalog);
    jest.spyOn(catalog, 'update').mockImplementation((id, change) =>
      change.status === PlaylistStatus.PACKAGING ? Promise.reject(new Error('ENOSPC: no space left on device')) : update(id, change),
    );
    const following = followToEnd('p');
    await start(new ScriptedPipeline(encodeThenFinish));
    service?.enqueue('p');
    expect((await following).at(-1)?.status).toBe('READY');
    expect(catalog.get('p').status).toBe(PlaylistStatus.READY);
  });

  describe('the encoder a crashed server left running', () => {
    const orphans: ChildProcess[] = [];
    /** A stand-in encoder in a process group of its own, as ProcessRunner starts ffmpeg. */
    const startOrphan = () => {
      const child = spawn('sleep', ['60'], { detached: true, stdio: 'ignore' });
      orphans.push(child);
      return child;
    };
    const exited = (child: ChildProcess) => new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    afterEach(() => orphans.splice(0).forEach((child) => child.kill('SIGKILL')));

    it('is recorded with the job while it runs, and cleared when the job ends', async () => {
      const encoder = startOrphan();
      await seed('p');
      let recordedDuringEncode: unknown;
      const following = followToEnd('p');
      await start(
        new ScriptedPipeline(async (onProgress, _signal, onEncoderStarted) => {
          onEncoderStarted(encoder.pid as number);
          onProgress({ stage: 'TRANSCODING', percent: 10, speed: 1, etaSeconds: 5 });
          await new Promise((resolve) => setTimeout(resolve, 50));
          recordedDuringEncode = catalog.get('p').encoder;
          return output;
        }),
      );
      service?.enqueue('p');
      await following;
      expect(recordedDuringEncode).toEqual(readProcessIdentity(encoder.pid as number));
      expect(catalog.get('p').encoder).toBeNull();
    });

    it('is ended at start-up before the job is queued again', async () => {
      const orphan = startOrphan();
      const gone = exited(orphan);
      await seed('p', PlaylistStatus.TRANSCODING);
      await catalog.update('p', { encoder: readProcessIdentity(orphan.pid as number) });
      const following = followToEnd('p');
      await start(new ScriptedPipeline(encodeThenFinish));
      expect(await gone).toBe('SIGKILL');
      expect((await following).at(-1)?.status).toBe('READY');
      expect(catalog.get('p').encoder).toBeNull();
    });

    it('is left alone when its pid now belongs to another process', async () => {
      const stranger = startOrphan();
      const identity = readProcessIdentity(stranger.pid as number);
      expect(identity).not.toBeNull();
      await seed('p', PlaylistStatus.TRANSCODING);
      await catalog.update('p', { encoder: identity && { ...identity, start_ticks: '1' } });
      const following = followToEnd('p');
      await start(new ScriptedPipeline(encodeThenFinish));
      await following;
      expect(readProcessIdentity(stranger.pid as number)).toEqual(identity);
    });
  });

  it('cancelling a running job stops it without marking it FAILED', async () => {
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    await seed('p');
    await start(
      new ScriptedPipeline((_onProgress, signal) => {
        running();
        return untilAborted(signal);
      }),
    );
    service?.enqueue('p');
    await started;
    await service?.cancel('p');
    expect(catalog.get('p').status).toBe(PlaylistStatus.TRANSCODING);
  });

  it('publishes queue positions to jobs waiting behind a running one', async () => {
    await seed('a');
    await seed('b');
    await seed('c');
    let running!: () => void;
    const started = new Promise<void>((resolve) => (running = resolve));
    await start(
      new ScriptedPipeline((_onProgress, signal) => {
        running();
        return untilAborted(signal);
      }),
    );
    service?.enqueue('a');
    await started;
    service?.enqueue('b');
    service?.enqueue('c');
    await new Promise((resolve) => setImmediate(resolve));
    expect([tracker.current('b')?.queuePosition, tracker.current('c')?.queuePosition]).toEqual([1, 2]);
  });

  it('a run that another run has taken over writes and publishes nothing more, its encode is aborted and only its own folders removed', async () => {
    await seed('a');
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let takeOver!: () => void;
    const takenOver = new Promise<void>((resolve) => (takeOver = resolve));
    let aborted = false;
    await start(
      new ScriptedPipeline(async (onProgress, signal, _started, _events, input) => {
        writeFiles(`a/stream/${input.run}/240p/segment_00000.m4s`);
        started();
        await takenOver;
        onProgress({ stage: 'PACKAGING', percent: 100, speed: null, etaSeconds: 0 });
        await untilAborted(signal).catch((error) => {
          aborted = true;
          throw error;
        });
        return output;
      }),
    );
    const published = jest.spyOn(tracker, 'publish');
    await service?.enqueue('a');
    await running;
    // the run that took over (on another worker) claims the playlist
    await catalog.update('a', { job_run: 'the-next-run', status: PlaylistStatus.PROBING });
    writeFiles('a/stream/the-next-run/240p/segment_00000.m4s', 'a/.work/the-next-run/240p/segment_00001.m4s');
    const publishedBefore = published.mock.calls.length;
    takeOver();
    await jobsDone();
    expect(aborted).toBe(true);
    expect(catalog.get('a')).toMatchObject({ status: PlaylistStatus.PROBING, job_run: 'the-next-run' });
    expect(published.mock.calls.length).toBe(publishedBefore);
    // its own stream withdrawn, the new run's folders untouched
    expect([leftIn('a', 'stream'), leftIn('a', '.work')]).toEqual([['the-next-run'], ['the-next-run']]);
  });
});
