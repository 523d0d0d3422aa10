import type { Rung } from '@cmm/media-rules';
import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { SegmentRecord, VariantRecord } from '../catalog/manifest';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { diagnoseFailure } from '../ffmpeg/failure-diagnosis';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { codecDetailsArgs } from '../ffmpeg/ffprobe-args';
import type { VideoProbe } from '../ffmpeg/probe-parser';
import { ProcessRunner, RunResult } from '../ffmpeg/process-runner';
import { Storage } from '../storage/storage';
import { codecString, ProbedCodecStream } from './codec-string';
import { writeDashManifest } from './dash-manifest';
import { buildEncodeArgs, buildPosterArgs, outputFrameRate } from './ffmpeg-args';
import { MasterVariant, parseMediaPlaylist, renditionBitrates, writeMasterPlaylist } from './hls-playlist';
import { computeProgress, progressLineReader } from './progress-parser';
import { segmentLabel } from './segment-label';

export interface PipelineInput {
  playlistId: string;
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
export interface PipelineOutput {
  variants: VariantRecord[];
  hls_manifest: string;
  dash_manifest: string;
  poster: string;
}

/** An encode slower than a tenth of real time is taken to be stuck. */
const ENCODE_TIMEOUT_BASE_MS = 60_000;
const ENCODE_TIMEOUT_PER_SECOND_MS = 10_000;
const PROBE_TIMEOUT_MS = 30_000;
const POSTER_TIMEOUT_MS = 60_000;
const STDERR_TAIL_BYTES = 32 * 1024;

interface Rendition {
  rung: Rung;
  width: number;
  height: number;
  codecs: string;
  initUri: string;
  segments: { uri: string; duration: number; sizeBytes: number }[];
  initBytes: number;
}

/**
 * Turns a probed source into CMAF renditions with HLS and DASH manifests and a poster. Everything
 * is built under `<id>/.work/` and renamed to `<id>/stream/` only when complete, so readers never
 * see half a stream; on any failure the work folder is removed and a ProcessingError says why.
 */
@Injectable()
export class TranscodePipeline {
  private readonly logger = new Logger(TranscodePipeline.name);

  constructor(
    private readonly storage: Storage,
    private readonly runner: ProcessRunner,
    private readonly binaries: FfmpegBinaries,
  ) {}

  async run(input: PipelineInput, onProgress: (p: EncodeProgress) => void, signal?: AbortSignal): Promise<PipelineOutput> {
    const work = `${input.playlistId}/.work`;
    await this.storage.removeTree(work);
    // A fresh folder per run: an ffmpeg orphaned by a crashed server opens each segment by path;
    // finding its folder gone it fails, where a recreated one would let its files join the retry.
    const build = `${work}/${randomBytes(4).toString('hex')}`;
    try {
      await Promise.all(input.rungs.map((r) => this.storage.ensureDir(`${build}/${r.label}`)));
      const encode = await this.encode(input, build, onProgress, signal);
      onProgress({ stage: 'PACKAGING', percent: 100, speed: null, etaSeconds: 0 });

      const renditions: Rendition[] = [];
      for (const rung of input.rungs) renditions.push(await this.readRendition(build, rung, signal));
      this.checkComplete(input, renditions, encode);

      const frameRate = outputFrameRate(input.probe.video.frameRate);
      await this.storage.writeAtomic(`${build}/master.m3u8`, writeMasterPlaylist(renditions.map((r) => masterVariant(r, frameRate))));
      await this.storage.writeAtomic(
        `${build}/manifest.mpd`,
        writeDashManifest(
          renditions.map((r) => ({
            id: r.rung.label,
            bandwidth: renditionBitrates(r.segments).peak,
            width: r.width,
            height: r.height,
            codecs: r.codecs,
            frameRate,
            initUri: `${r.rung.label}/${r.initUri}`,
            segments: r.segments.map((s) => ({ uri: `${r.rung.label}/${s.uri}`, duration: s.duration })),
          })),
        ),
      );
      await this.writePoster(input, `${build}/poster.jpg`, signal);

      await this.storage.rename(`${build}/poster.jpg`, `${input.playlistId}/poster.jpg`);
      await this.storage.removeTree(`${input.playlistId}/stream`);
      await this.storage.rename(build, `${input.playlistId}/stream`);
      await this.storage.removeTree(work);
      return {
        variants: renditions.map(variantRecord),
        hls_manifest: 'stream/master.m3u8',
        dash_manifest: 'stream/manifest.mpd',
        poster: 'poster.jpg',
      };
    } catch (error) {
      await this.storage.removeTree(work);
      if (error instanceof ProcessingError) throw error;
      throw new ProcessingError(ProcessingFailure.EncoderFailed, `Packaging the encoded stream failed: ${(error as Error).message}`);
    }
  }

  private async encode(input: PipelineInput, build: string, onProgress: (p: EncodeProgress) => void, signal?: AbortSignal): Promise<RunResult> {
    const { duration } = input.probe;
    const args = buildEncodeArgs({
      inputPath: this.storage.localPath(input.sourceKey),
      demuxer: input.probe.demuxer,
      outputDir: this.storage.localPath(build),
      rungs: input.rungs,
      segmentDuration: input.segmentDuration,
      frameRate: input.probe.video.frameRate,
    });
    const started = Date.now();
    const result = await this.runner.run(this.binaries.ffmpeg.path, args, {
      timeoutMs: ENCODE_TIMEOUT_BASE_MS + duration * ENCODE_TIMEOUT_PER_SECOND_MS,
      signal,
      stderrTailBytes: STDERR_TAIL_BYTES,
      onStdoutLine: progressLineReader((sample) => {
        const { percent, etaSeconds } = computeProgress(sample.done ? duration : sample.outTimeSeconds, duration, sample.speed);
        onProgress({ stage: 'TRANSCODING', percent, speed: sample.speed, etaSeconds: sample.done ? 0 : etaSeconds });
      }),
    });
    this.ensureSucceeded(result, 'Encoding');
    this.logger.log({ event: 'transcode.encoded', playlistId: input.playlistId, seconds: (Date.now() - started) / 1000, rungs: input.rungs.map((r) => r.label) });
    return result;
  }

  private ensureSucceeded(result: RunResult, what: string): void {
    if (result.aborted) throw new ProcessingError(ProcessingFailure.Cancelled, `${what} was cancelled.`, result.stderrTail);
    if (result.timedOut) {
      throw new ProcessingError(ProcessingFailure.Timeout, `${what} took too long and was stopped; the source is kept so it can be retried.`, result.stderrTail);
    }
    if (result.exitCode !== 0) {
      const { failure, message } = diagnoseFailure(result.stderrTail, result);
      throw new ProcessingError(failure, message, result.stderrTail);
    }
  }

  /** What ffmpeg really wrote for one rung: segment durations from its playlist, sizes from disk, codecs from the init segment. */
  private async readRendition(build: string, rung: Rung, signal?: AbortSignal): Promise<Rendition> {
    const dir = `${build}/${rung.label}`;
    const playlist = parseMediaPlaylist(await this.storage.readText(`${dir}/playlist.m3u8`));
    if (!playlist.initUri) throw new Error(`${rung.label} playlist has no EXT-X-MAP init segment`);
    const initBytes = await this.sizeOf(`${dir}/${playlist.initUri}`);
    const segments = await Promise.all(playlist.segments.map(async (s) => ({ ...s, sizeBytes: await this.sizeOf(`${dir}/${s.uri}`) })));

    const result = await this.runner.run(this.binaries.ffprobe.path, codecDetailsArgs(this.storage.localPath(`${dir}/${playlist.initUri}`)), {
      timeoutMs: PROBE_TIMEOUT_MS,
      signal,
    });
    this.ensureSucceeded(result, 'Reading the encoded stream');
    const streams = (JSON.parse(result.stdout) as { streams?: (ProbedCodecStream & { width?: number; height?: number })[] }).streams ?? [];
    const video = streams.find((s) => s.codec_type === 'video');
    return {
      rung,
      width: video?.width ?? rung.width,
      height: video?.height ?? rung.height,
      codecs: codecString(streams),
      initUri: playlist.initUri,
      segments,
      initBytes,
    };
  }

  private async sizeOf(key: string): Promise<number> {
    const stat = await this.storage.stat(key);
    if (!stat) throw new Error(`ffmpeg did not write ${key}`);
    return stat.size;
  }

  /**
   * A source whose index promises more than its data holds (a cut-off upload with the moov atom
   * up front) decodes "successfully" but short: compare with the probed length.
   */
  private checkComplete(input: PipelineInput, renditions: Rendition[], encode: RunResult): void {
    const lengths = renditions.map((r) => r.segments.reduce((sum, s) => sum + s.duration, 0));
    const encoded = Math.min(...lengths);
    const expected = input.probe.duration;
    if (encoded < expected - Math.max(1, expected * 0.05)) {
      throw new ProcessingError(
        ProcessingFailure.TruncatedFile,
        `The file is truncated: its video stops at ${encoded.toFixed(1)} s although it declares ${expected.toFixed(1)} s.`,
        encode.stderrTail,
      );
    }
    // ffmpeg may complain without failing (e.g. hls "Cannot use rename on non file protocol"): kept for debugging only
    if (encode.stderrTail.trim()) {
      this.logger.debug({ event: 'transcode.stderr', playlistId: input.playlistId, stderrTail: encode.stderrTail });
    }
  }

  private async writePoster(input: PipelineInput, key: string, signal?: AbortSignal): Promise<void> {
    const args = buildPosterArgs({
      inputPath: this.storage.localPath(input.sourceKey),
      demuxer: input.probe.demuxer,
      outputPath: this.storage.localPath(key),
      duration: input.probe.duration,
      display: { width: input.probe.video.displayWidth, height: input.probe.video.displayHeight },
    });
    const result = await this.runner.run(this.binaries.ffmpeg.path, args, { timeoutMs: POSTER_TIMEOUT_MS, signal });
    this.ensureSucceeded(result, 'Making the poster');
    await this.sizeOf(key);
  }
}

function masterVariant(r: Rendition, frameRate: string): MasterVariant {
  const { peak, average } = renditionBitrates(r.segments);
  const [num, den = '1'] = frameRate.split('/');
  return {
    uri: `${r.rung.label}/playlist.m3u8`,
    bandwidth: peak,
    averageBandwidth: average,
    width: r.width,
    height: r.height,
    codecs: r.codecs,
    frameRate: Number(num) / Number(den),
  };
}

function variantRecord(r: Rendition): VariantRecord {
  const { peak, average } = renditionBitrates(r.segments);
  const base = `stream/${r.rung.label}`;
  let start = 0;
  const segments: SegmentRecord[] = r.segments.map((s, i) => {
    const record = { path: `${base}/${s.uri}`, duration: s.duration, label: segmentLabel(i, start, s.duration), size_bytes: s.sizeBytes };
    start += s.duration;
    return record;
  });
  return {
    label: r.rung.label,
    height: r.height,
    width: r.width,
    bitrate: peak,
    average_bitrate: average,
    codecs: r.codecs,
    size_bytes: r.initBytes + r.segments.reduce((sum, s) => sum + s.sizeBytes, 0),
    playlist: `${base}/playlist.m3u8`,
    init: `${base}/${r.initUri}`,
    segments,
  };
}
