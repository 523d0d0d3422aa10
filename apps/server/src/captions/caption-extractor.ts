import { Logger } from '@nestjs/common';
import type { CaptionRecord, SkippedSubtitleRecord } from '../catalog/manifest';
import type { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { runFailure } from '../ffmpeg/process-failure';
import type { ProcessRunner } from '../ffmpeg/process-runner';
import type { VideoProbe } from '../ffmpeg/probe-parser';
import type { Storage } from '../storage/storage';
import { captionFiles, CAPTIONS_DIR, STREAM_DIR } from '../packaging/stream-layout';
import { parseCaptions } from './caption-parser';
import { buildSubtitleExtractArgs, planSubtitleExtraction } from './subtitle-extraction';
import { writeWebVtt } from './webvtt-writer';

export interface ExtractionJob {
  playlistId: string;
  sourceKey: string;
  probe: VideoProbe;
  /** The job's build folder: ffmpeg writes there. */
  build: string;
}

export interface ExtractedCaptions {
  captions: CaptionRecord[];
  skipped: SkippedSubtitleRecord[];
}

const EXTRACT_TIMEOUT_BASE_MS = 60_000;
const EXTRACT_TIMEOUT_PER_SECOND_MS = 1_000;

/**
 * Turns the source's text subtitle tracks into captions under `<id>/stream/captions/`. Captions
 * are extras: a track that cannot be extracted or read is recorded as skipped, with the reason,
 * and never fails the job.
 */
export class CaptionExtractor {
  private readonly logger = new Logger(CaptionExtractor.name);

  constructor(
    private readonly storage: Storage,
    private readonly runner: ProcessRunner,
    private readonly binaries: FfmpegBinaries,
  ) {}

  async extract(job: ExtractionJob, signal?: AbortSignal): Promise<ExtractedCaptions> {
    const plan = planSubtitleExtraction(job.probe.subtitles);
    const skipped = [...plan.skipped];
    for (const s of plan.skipped) this.logger.warn({ event: 'captions.track_skipped', playlistId: job.playlistId, streamIndex: s.stream_index, codec: s.codec, reason: s.reason });
    if (plan.extract.length === 0) return { captions: [], skipped };

    const stream = `${job.playlistId}/${STREAM_DIR}`;
    await this.storage.ensureDir(`${job.build}/${CAPTIONS_DIR}`);
    await this.storage.ensureDir(`${stream}/${CAPTIONS_DIR}`);
    const outputs = plan.extract.map((p) => ({ ...p, key: `${job.build}/${captionFiles(p.language).vtt}` }));
    const args = buildSubtitleExtractArgs({
      inputPath: this.storage.localPath(job.sourceKey),
      demuxer: job.probe.demuxer,
      outputs: outputs.map((o) => ({ streamIndex: o.streamIndex, outputPath: this.storage.localPath(o.key) })),
    });
    const result = await this.runner.run(this.binaries.ffmpeg.path, args, {
      timeoutMs: EXTRACT_TIMEOUT_BASE_MS + job.probe.duration * EXTRACT_TIMEOUT_PER_SECOND_MS,
      signal,
    });
    if (result.aborted) return { captions: [], skipped };
    const failure = runFailure(result, 'Extracting subtitles');

    const captions: CaptionRecord[] = [];
    for (const o of outputs) {
      try {
        if (failure) throw failure;
        const { cues } = parseCaptions(await this.storage.readText(o.key));
        const files = captionFiles(o.language);
        await this.storage.writeAtomic(`${stream}/${files.vtt}`, writeWebVtt(cues));
        captions.push({ language: o.language, label: o.label, source: 'extracted', path: `${STREAM_DIR}/${files.vtt}`, playlist: `${STREAM_DIR}/${files.playlist}` });
      } catch (error) {
        const reason = `it could not be extracted: ${(error as Error).message}`;
        skipped.push({ stream_index: o.streamIndex, codec: job.probe.subtitles.find((s) => s.index === o.streamIndex)?.codec ?? 'unknown', language: o.language, reason });
        this.logger.warn({ event: 'captions.track_skipped', playlistId: job.playlistId, streamIndex: o.streamIndex, reason, stderrTail: result.stderrTail });
      }
    }
    this.logger.log({ event: 'captions.extracted', playlistId: job.playlistId, languages: captions.map((c) => c.language) });
    return { captions, skipped };
  }
}
