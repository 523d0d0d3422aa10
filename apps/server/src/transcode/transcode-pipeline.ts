import type { Rung } from '@cmm/media-rules';
import { Injectable, Logger } from '@nestjs/common';
import { CaptionExtractor } from '../captions/caption-extractor';
import { CaptionRecord, SkippedSubtitleRecord, VariantRecord } from '../catalog/manifest';
import { isDiskFull, ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { DISK_FULL_WHILE_PROCESSING } from '../ffmpeg/failure-diagnosis';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { outputFrameRate } from '../ffmpeg/frame-rate';
import { MediaProbe } from '../ffmpeg/media-probe';
import { ensureSucceeded } from '../ffmpeg/process-failure';
import type { VideoProbe } from '../ffmpeg/probe-parser';
import { ProcessRunner, RunResult } from '../ffmpeg/process-runner';
import { Storage } from '../storage/storage';
import { StoryboardPublisher } from '../storyboard/storyboard-publisher';
import { STORYBOARD_DIR, THUMBNAILS_RAW } from '../storyboard/storyboard-layout';
import { planStoryboard } from '../storyboard/storyboard-plan';
import type { StoryboardRecord } from '../storyboard/storyboard-record';
import { buildEncodeArgs, planPoster, POSTER_CANDIDATE_PATTERN, POSTER_CANDIDATES, Stills } from './ffmpeg-args';
import { computeProgress, progressLineReader } from './progress-parser';
import { ensureComplete, Rendition, variantRecord } from '../packaging/rendition';
import { mediaSeconds } from '../packaging/media-seconds';
import { StallWatchdog } from './stall-watchdog';
import { attemptStreamDir, DASH_MANIFEST, MASTER_PLAYLIST, POSTER } from '../packaging/stream-layout';
import { discardRun, pruneRuns, runBuildDir } from './run-folders';
import { StreamPublisher } from './stream-publisher';

export interface PipelineInput {
  playlistId: string;
  /** The job run's name, a path segment: its build and stream folders are named by it. */
  run: string;
  sourceKey: string;
  probe: VideoProbe;
  rungs: Rung[];
  segmentDuration: number;
}

export interface EncodeProgress {
  stage: 'TRANSCODING' | 'PACKAGING';
  percent: number;
  speed: number | null;
  etaSeconds: number | null;
}

/** Paths relative to the playlist folder. */
export interface PlayableStream {
  hls_manifest: string;
  dash_manifest: string;
  at: Date;
}

export interface PipelineEvents {
  progress(p: EncodeProgress): void;
  /** The encoder's pid (its process group), as soon as it runs. */
  encoderStarted?(pid: number): void;
  /** Once, when every rung is far enough ahead for the growing stream to be played (see `enoughToPlay`). */
  playable?(stream: PlayableStream): void;
}

/** Paths relative to the playlist folder. */
export interface PipelineOutput {
  variants: VariantRecord[];
  hls_manifest: string;
  dash_manifest: string;
  /** Null when no frame could be made into a poster: the finished ladder is kept without one. */
  poster: string | null;
  /** Null when it could not be made: the finished ladder is kept without one. */
  storyboard: StoryboardRecord | null;
  /** The source's text subtitle tracks, as WebVTT captions. */
  captions: CaptionRecord[];
  /** Subtitle tracks not made into captions, and why. */
  skipped_subtitles: SkippedSubtitleRecord[];
}

/** An encode slower than a tenth of real time is taken to be stuck. */
const ENCODE_TIMEOUT_BASE_MS = 60_000;
const ENCODE_TIMEOUT_PER_SECOND_MS = 10_000;
/** However long the source claims to be, an encoder whose output time stops advancing this long is stuck. */
const ENCODE_STALL_MS = 120_000;
const ENCODE_STALLED = 'Encoding stopped making progress and was stopped; the source is kept so it can be retried.';
/** How often the growing ladder is published: a small part of the first (1 s) segment. */
const PUBLISH_INTERVAL_MS = 200;
const STDERR_TAIL_BYTES = 32 * 1024;

/**
 * Turns a probed source into CMAF renditions with HLS and DASH manifests, captions from its text
 * subtitles, a poster and a storyboard, published while they encode: ffmpeg writes under
 * `<id>/.work/<run>/`, and a StreamPublisher moves whole segments into `<id>/stream/<run>/` as
 * they complete, playable once far enough ahead (see there). On any failure the run's own stream and work folder are removed
 * and a ProcessingError says why.
 */
@Injectable()
export class TranscodePipeline {
  private readonly logger = new Logger(TranscodePipeline.name);

  constructor(
    private readonly storage: Storage,
    private readonly runner: ProcessRunner,
    private readonly binaries: FfmpegBinaries,
    private readonly mediaProbe: MediaProbe,
    private readonly storyboards: StoryboardPublisher,
  ) {}

  /** Only the run that holds the job's claim calls this (see TranscodeService): it withdraws what other runs left. */
  async run(input: PipelineInput, events: PipelineEvents, signal?: AbortSignal): Promise<PipelineOutput> {
    // A retry starts clean: whatever an interrupted attempt published is withdrawn first.
    await pruneRuns(this.storage, input.playlistId);
    // Fresh folders per run. An ffmpeg orphaned by a crashed server opens each segment by path;
    // finding its folder gone it fails, where a recreated one would let its files join the retry.
    // The stream is published under the run's own name, so no URL ever serves two runs' bytes.
    const build = runBuildDir(input.playlistId, input.run);
    const published = attemptStreamDir(input.run);
    const stream = `${input.playlistId}/${published}`;
    const fps = outputFrameRate(input.probe.video.frameRate);
    const publisher = new StreamPublisher(this.storage, this.mediaProbe, { build, folder: stream, rungs: input.rungs, fps, segmentDuration: input.segmentDuration, sourceDuration: input.probe.duration, encodeStartedAt: new Date() });
    let extracting: Promise<unknown> = Promise.resolve();
    try {
      await Promise.all([...input.rungs.flatMap((r) => [this.storage.ensureDir(`${build}/${r.label}`), this.storage.ensureDir(`${stream}/${r.label}`)]), this.storage.ensureDir(`${build}/${STORYBOARD_DIR}`)]);
      // subtitles are read beside the encode: a pass over the source that decodes no picture
      const subtitles = new CaptionExtractor(this.storage, this.runner, this.binaries).extract({ playlistId: input.playlistId, sourceKey: input.sourceKey, probe: input.probe, build }, signal);
      extracting = subtitles.catch(() => undefined);
      // ffmpeg's playlists are looked at on a clock, not on its progress reports, which stop while it waits for input
      let speed: number | null = null;
      const publishing = setInterval(
        () =>
          void publisher.refresh(speed, signal).then((playable) => {
            if (playable) events.playable?.({ hls_manifest: `${published}/${MASTER_PLAYLIST}`, dash_manifest: `${published}/${DASH_MANIFEST}`, at: new Date() });
          }),
        PUBLISH_INTERVAL_MS,
      );
      const progress = (p: EncodeProgress) => {
        speed = p.speed ?? speed;
        events.progress(p);
      };
      const stills = this.planStills(input, build);
      const encode = await this.encode(input, fps, build, stills, progress, signal, events.encoderStarted).finally(() => clearInterval(publishing));
      events.progress({ stage: 'PACKAGING', percent: 100, speed: null, etaSeconds: 0 });

      const renditions: Rendition[] = [];
      for (const rung of input.rungs) {
        const rendition = await publisher.rendition(rung, signal);
        if (!rendition) throw new Error(`ffmpeg wrote no segment for ${rung.label}`);
        renditions.push(rendition);
      }
      ensureComplete(input.probe.duration, renditions, encode.stderrTail);
      // ffmpeg may complain without failing (e.g. hls "Cannot use rename on non file protocol"): kept for debugging only
      if (encode.stderrTail.trim()) this.logger.debug({ event: 'transcode.stderr', playlistId: input.playlistId, stderrTail: encode.stderrTail });
      const { captions, skipped } = await subtitles;
      await publisher.finish(renditions, captions);

      const poster = await this.publishPoster(input.playlistId, build);
      const storyboardRecord = await this.publishStoryboard(input.playlistId, build, stills, renditions[renditions.length - 1], signal);
      await this.storage.removeTree(build);
      return {
        variants: renditions.map((r) => variantRecord(r, published)),
        hls_manifest: `${published}/${MASTER_PLAYLIST}`,
        dash_manifest: `${published}/${DASH_MANIFEST}`,
        poster,
        storyboard: storyboardRecord,
        captions,
        skipped_subtitles: skipped,
      };
    } catch (error) {
      await publisher.close();
      await extracting;
      // its own folders only: a run that took the job over from this one may be writing beside them
      await discardRun(this.storage, input.playlistId, input.run);
      if (error instanceof ProcessingError) throw error;
      if (isDiskFull(error)) throw new ProcessingError(ProcessingFailure.StorageFull, DISK_FULL_WHILE_PROCESSING);
      throw new ProcessingError(ProcessingFailure.EncoderFailed, `Packaging the encoded stream failed: ${(error as Error).message}`);
    }
  }

  private async encode(
    input: PipelineInput,
    fps: string,
    build: string,
    stills: Stills,
    onProgress: (p: EncodeProgress) => void,
    signal?: AbortSignal,
    onSpawn?: (pid: number) => void,
  ): Promise<RunResult> {
    const { duration } = input.probe;
    const args = buildEncodeArgs({
      inputPath: this.storage.localPath(input.sourceKey),
      demuxer: input.probe.demuxer,
      outputDir: this.storage.localPath(build),
      rungs: input.rungs,
      segmentDuration: input.segmentDuration,
      fps,
      picture: input.probe.video,
      capabilities: this.binaries.capabilities,
      stills,
    });
    const started = Date.now();
    const watchdog = new StallWatchdog(ENCODE_STALL_MS);
    const result = await this.runner
      .run(this.binaries.ffmpeg.path, args, {
        timeoutMs: ENCODE_TIMEOUT_BASE_MS + duration * ENCODE_TIMEOUT_PER_SECOND_MS,
        signal: signal ? AbortSignal.any([signal, watchdog.signal]) : watchdog.signal,
        onSpawn,
        stderrTailBytes: STDERR_TAIL_BYTES,
        onStdoutLine: progressLineReader((sample) => {
          if (sample.outTimeSeconds !== null) watchdog.saw(sample.outTimeSeconds);
          const { percent, etaSeconds } = computeProgress(sample.done ? duration : sample.outTimeSeconds, duration, sample.speed);
          onProgress({ stage: 'TRANSCODING', percent, speed: sample.speed, etaSeconds: sample.done ? 0 : etaSeconds });
        }),
      })
      .finally(() => watchdog.stop());
    if (watchdog.signal.aborted && !signal?.aborted) {
      throw new ProcessingError(ProcessingFailure.Timeout, ENCODE_STALLED, result.stderrTail);
    }
    ensureSucceeded(result, 'Encoding');
    this.logger.log({ event: 'transcode.encoded', playlistId: input.playlistId, seconds: (Date.now() - started) / 1000, rungs: input.rungs.map((r) => r.label) });
    return result;
  }

  /** The poster from the top rung's picture and the storyboard from the smallest rung's, planned from the probe. */
  private planStills(input: PipelineInput, build: string): Stills {
    const smallest = input.rungs[input.rungs.length - 1];
    return {
      posterPattern: this.storage.localPath(`${build}/${POSTER_CANDIDATE_PATTERN}`),
      poster: planPoster(input.probe.duration, { width: input.probe.video.displayWidth, height: input.probe.video.displayHeight }),
      thumbnailsPath: this.storage.localPath(`${build}/${STORYBOARD_DIR}/${THUMBNAILS_RAW}`),
      storyboard: planStoryboard(input.probe.duration, smallest.width, smallest.height),
    };
  }

  /** The best poster the encode wrote (see POSTER_CANDIDATES); a ladder without one is kept without one. */
  private async publishPoster(playlistId: string, build: string): Promise<string | null> {
    for (const candidate of POSTER_CANDIDATES) {
      if (!(await this.storage.stat(`${build}/${candidate}`))?.size) continue;
      await this.storage.rename(`${build}/${candidate}`, `${playlistId}/${POSTER}`);
      return POSTER;
    }
    await this.storage.removeTree(`${playlistId}/${POSTER}`);
    this.logger.warn({ event: 'transcode.no_poster', playlistId });
    return null;
  }

  /** The storyboard from the thumbnails the encode picked; a failure is logged and leaves the ladder without one. Cancelling still cancels. */
  private async publishStoryboard(playlistId: string, build: string, stills: Stills, smallest: Rendition, signal?: AbortSignal): Promise<StoryboardRecord | null> {
    try {
      return await this.storyboards.publish({ playlistId, folder: `${build}/${STORYBOARD_DIR}`, plan: stills.storyboard, duration: mediaSeconds(smallest.segments) }, signal);
    } catch (error) {
      if (signal?.aborted) throw error;
      await this.storage.removeTree(`${playlistId}/${STORYBOARD_DIR}`);
      this.logger.warn({ event: 'transcode.no_storyboard', playlistId, message: (error as Error).message });
      return null;
    }
  }
}
