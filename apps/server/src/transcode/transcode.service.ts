import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Rung } from '@cmm/media-rules';
import { Catalog } from '../catalog/catalog';
import { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { RunSupersededError } from '../catalog/run-superseded-error';
import type { ProcessingProgress } from '../progress/models/processing-progress.model';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { MediaProbe } from '../ffmpeg/media-probe';
import { ProcessIdentity, readProcessIdentity, sameProcess } from '../ffmpeg/process-identity';
import { killProcessGroup } from '../ffmpeg/process-runner';
import { ProgressTracker } from '../progress/progress-tracker';
import { Storage } from '../storage/storage';
import { JobAbort, JobAttempt, JobQueue } from './job-queue';
import { UNFINISHED } from './lost-jobs';
import { isRetryable } from './retry-policy';
import { discardRun, pruneRuns } from './run-folders';
import { EncodeProgress, PlayableStream, TranscodePipeline } from './transcode-pipeline';

/** What a job that is not (or no longer) publishing a stream records. */
const NOT_PLAYABLE = { playable_at: null, hls_manifest: null, dash_manifest: null } as const;
/** Share of the overall percent given to encoding; packaging takes the rest. */
const ENCODE_SHARE = 95;
const INTERRUPTED = 'Processing was cut off on every attempt (its worker stopped); the source is kept so it can be retried.';

/**
 * Owns the job state machine QUEUED → PROBING → TRANSCODING → PACKAGING → READY | FAILED, with
 * the PLAYABLE moment inside TRANSCODING (the growing stream is published). Every transition is
 * persisted to the manifest before it is published, so a restart resumes from disk: unfinished
 * jobs are queued again from their kept source, their partial stream withdrawn (a persistent
 * queue keeps them itself). Retry policy is here too: a failure that another run may cure is
 * retried while the queue grants attempts; the last one records FAILED.
 */
@Injectable()
export class TranscodeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(TranscodeService.name);

  constructor(
    private readonly catalog: Catalog,
    private readonly queue: JobQueue,
    private readonly probe: MediaProbe,
    private readonly pipeline: TranscodePipeline,
    private readonly storage: Storage,
    private readonly progress: ProgressTracker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // a Redis queue keeps its jobs across restarts; the in-process one is rebuilt from the catalog
    const unfinished = this.queue.persistent ? [] : await this.catalog.withStatus(UNFINISHED);
    for (const manifest of unfinished) {
      this.logger.log({ event: 'job.recovered', playlistId: manifest.id, was: manifest.status });
      if (manifest.encoder) this.stopOrphan(manifest.id, manifest.encoder);
      await this.catalog.update(manifest.id, { status: PlaylistStatus.QUEUED, progress: null, encoder: null, ...NOT_PLAYABLE });
    }
    // a catalog that cannot be read (a lost database) costs the positions, not the process
    this.queue.onChange(() => void this.publishQueuePositions().catch((error: Error) => this.logger.warn({ event: 'job.positions_unpublished', message: error.message })));
    this.queue.start(
      (id, signal, attempt) => this.process(id, signal, attempt),
      (id) => this.abandoned(id),
    );
    for (const manifest of unfinished) await this.queue.enqueue(manifest.id);
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.stop();
  }

  /** Rejects with ServiceUnavailableError when the queue could not record the job. */
  enqueue(playlistId: string): Promise<void> {
    return this.queue.enqueue(playlistId);
  }

  /** Stops any work on the playlist; resolves once its job (if any) has stopped. */
  cancel(playlistId: string): Promise<void> {
    return this.queue.cancel(playlistId);
  }

  private async process(playlistId: string, signal: AbortSignal, attempt: JobAttempt): Promise<void> {
    const started = Date.now();
    // This run's claim on the playlist: its writes after the claim are fenced on it, so a run that
    // another has taken over from (a lock that lapsed, a job queued again) stops at its next write.
    const run = randomBytes(6).toString('hex');
    const superseded = new AbortController();
    const stop = AbortSignal.any([signal, superseded.signal]);
    let claimed = false;
    // Progress and the encoder's identity are recorded in order, one write at a time, and settled
    // before the outcome is written: a late PACKAGING write must never land after READY, nor a
    // failed write go unhandled (the job goes on; its outcome is written again in full).
    let recorded = Promise.resolve();
    const inOrder = (write: () => Promise<void>) => {
      recorded = recorded.then(write).catch((error: Error) => {
        if (error instanceof RunSupersededError) return superseded.abort(JobAbort.LockLost);
        this.logger.warn({ event: 'job.record_failed', playlistId, message: error.message });
      });
    };
    try {
      const previous = await this.catalog.get(playlistId);
      // a job queued again while its first run went on (a Redis emptied or away past the lock) finds the work done
      if (!UNFINISHED.includes(previous.status)) return this.logger.log({ event: 'job.already_done', playlistId, status: previous.status });
      // a run cut off on another worker (or before a restart) may have left its encoder running here
      if (previous.encoder) this.stopOrphan(playlistId, previous.encoder);
      const manifest = await this.transition(playlistId, PlaylistStatus.PROBING, [], { encoder: null, job_run: run, ...NOT_PLAYABLE });
      claimed = true;
      // Probed again (the upload's probe is not kept): the encode needs the demuxer and stream details.
      const probe = await this.probe.probe(this.storage.localPath(`${playlistId}/${manifest.source.path}`));
      const rungs = manifest.ladder;
      await this.transition(playlistId, PlaylistStatus.TRANSCODING, rungs, {}, run);
      const output = await this.pipeline.run(
        { playlistId, run, sourceKey: `${playlistId}/${manifest.source.path}`, probe, rungs, segmentDuration: manifest.segment_duration },
        {
          progress: (p) => inOrder(() => this.onEncodeProgress(playlistId, rungs, p, run)),
          encoderStarted: (pid) => inOrder(() => this.recordEncoder(playlistId, pid, run)),
          playable: (stream) => inOrder(() => this.onPlayable(playlistId, stream, run)),
        },
        stop,
      );
      await recorded;
      if (stop.aborted) return await this.handBack(playlistId, stop, run);
      await this.catalog.update(
        playlistId,
        {
          status: PlaylistStatus.READY,
          error: null,
          variants: output.variants,
          hls_manifest: output.hls_manifest,
          dash_manifest: output.dash_manifest,
          poster: output.poster,
          storyboard: output.storyboard,
          captions: output.captions,
          skipped_subtitles: output.skipped_subtitles,
          // a ladder encoded faster than the publisher looked becomes playable as it completes
          playable_at: (await this.catalog.find(playlistId))?.playable_at ?? new Date().toISOString(),
          encoder: null,
          progress: { percent: 100, rungs: rungs.map((r) => ({ label: r.label, height: r.height, percent: 100 })), speed: null, eta_seconds: 0 },
        },
        run,
      );
      // recorded READY on this run's claim, so no other run takes the job again; removed before READY is published
      await this.removeLeftovers(playlistId, pruneRuns(this.storage, playlistId, run));
      await this.publish(playlistId, { status: PlaylistStatus.READY, percent: 100, rungs: rungs.map((r) => ({ label: r.label, height: r.height, percent: 100 })), etaSeconds: 0 });
      this.progress.forget(playlistId);
      this.logger.log({ event: 'job.ready', playlistId, seconds: (Date.now() - started) / 1000, rungs: rungs.map((r) => r.label) });
    } catch (error) {
      await recorded;
      if (stop.aborted) return await this.handBack(playlistId, stop, run);
      const current = await this.catalog.find(playlistId);
      if (!current) return;
      // a run that failed because another took it over (its encoder ended by that run, say) has nothing to record
      if (error instanceof RunSupersededError || (claimed && current.job_run !== run)) return await this.superseded(playlistId, run);
      if (!attempt.final && isRetryable(error)) {
        this.logger.warn({ event: 'job.retry', playlistId, attempt: attempt.number, message: (error as Error).message });
        await this.catalog.update(playlistId, { status: PlaylistStatus.QUEUED, progress: null, encoder: null, ...NOT_PLAYABLE }, run);
        await this.publish(playlistId, { status: PlaylistStatus.QUEUED }, run);
        throw error;
      }
      // if even FAILED cannot be written (a full disk, a lost database), the manifest keeps its last state and the job runs again (a retry, or at start-up)
      await this.fail(playlistId, error, run).catch((cause: Error) => this.logger.error({ event: 'job.failure_unrecorded', playlistId, message: cause.message }));
    }
  }

  /** With `run`, fenced on it (see process); without, as when every run was cut off. */
  private async fail(playlistId: string, error: unknown, run?: string): Promise<void> {
    // a playlist deleted meanwhile has nothing to record
    if (!(await this.catalog.find(playlistId))) return;
    const message =
      error instanceof ProcessingError ? error.message : 'Processing failed because of an internal error; the source is kept so it can be retried.';
    if (error instanceof ProcessingError) {
      this.logger.warn({ event: 'job.failed', playlistId, failure: error.failure, message, stderrTail: error.stderrTail });
    } else {
      this.logger.error({ event: 'job.failed', playlistId, message: (error as Error)?.message, stack: (error as Error)?.stack });
    }
    await this.catalog.update(playlistId, { status: PlaylistStatus.FAILED, error: message, variants: [], encoder: null, ...NOT_PLAYABLE }, run);
    // FAILED is recorded (fenced on `run` when given), so no run takes the job again: nothing half-written stays
    await this.removeLeftovers(playlistId, pruneRuns(this.storage, playlistId));
    await this.publish(playlistId, { status: PlaylistStatus.FAILED, error: message }, run);
    this.progress.forget(playlistId);
  }

  /** A leftover that cannot be removed costs space, not the job's recorded outcome. */
  private async removeLeftovers(playlistId: string, removal: Promise<void>): Promise<void> {
    await removal.catch((error: Error) => this.logger.warn({ event: 'job.leftovers_kept', playlistId, message: error.message }));
  }

  /** The run that owns the job now keeps its folders; this run's own go (a pipeline that failed has removed them itself). */
  private async superseded(playlistId: string, run: string): Promise<void> {
    this.logger.warn({ event: 'job.superseded', playlistId });
    await this.removeLeftovers(playlistId, discardRun(this.storage, playlistId, run));
  }

  /**
   * A job handed back to the queue (this worker is shutting down) waits, unplayable, for the next
   * worker; a run that lost its lock leaves the playlist to the run that owns the job now; any
   * other abort is a cancel (a delete).
   */
  private async handBack(playlistId: string, signal: AbortSignal, run: string): Promise<void> {
    if (signal.reason === JobAbort.LockLost) return this.superseded(playlistId, run);
    if (signal.reason !== JobAbort.HandedBack) return this.logger.log({ event: 'job.cancelled', playlistId });
    if (!(await this.catalog.find(playlistId))) return;
    this.logger.log({ event: 'job.handed_back', playlistId });
    await this.catalog.update(playlistId, { status: PlaylistStatus.QUEUED, progress: null, encoder: null, ...NOT_PLAYABLE }, run);
    await this.publish(playlistId, { status: PlaylistStatus.QUEUED }, run);
  }

  /** Every run of the job was cut off before it could say how it ended. */
  private async abandoned(playlistId: string): Promise<void> {
    if (!(await this.catalog.find(playlistId))) return;
    await this.fail(playlistId, new ProcessingError(ProcessingFailure.EncoderFailed, INTERRUPTED)).catch((cause: Error) =>
      this.logger.error({ event: 'job.failure_unrecorded', playlistId, message: cause.message }),
    );
  }

  /** Persists where the growing stream is, then publishes the PLAYABLE moment. */
  private async onPlayable(playlistId: string, stream: PlayableStream, run: string): Promise<void> {
    await this.catalog.update(playlistId, { playable_at: stream.at.toISOString(), hls_manifest: stream.hls_manifest, dash_manifest: stream.dash_manifest }, run);
    const current = this.progress.current(playlistId);
    await this.publish(playlistId, { ...current, status: current?.status ?? PlaylistStatus.TRANSCODING }, run);
    this.logger.log({ event: 'job.playable', playlistId });
  }

  /** Records the encoder's identity with the job, so a restart after a crash can end it. */
  private async recordEncoder(playlistId: string, pid: number, run: string): Promise<void> {
    const encoder = readProcessIdentity(pid);
    if (encoder) await this.catalog.update(playlistId, { encoder }, run);
  }

  /**
   * An encoder that outlived a crashed server would go on writing beside the retried job: its
   * process group is ended, if it is still the process recorded (pids are reused).
   */
  private stopOrphan(playlistId: string, encoder: ProcessIdentity): void {
    if (!sameProcess(encoder, readProcessIdentity(encoder.pgid))) return;
    const stopped = killProcessGroup(encoder.pgid);
    this.logger.warn({ event: 'job.orphan_stopped', playlistId, pgid: encoder.pgid, stopped });
  }

  /** Persists the new status (fenced on `run` when given), then publishes it. */
  private async transition(playlistId: string, status: PlaylistStatus, rungs: Rung[] = [], also: Partial<PlaylistManifest> = {}, run?: string): Promise<PlaylistManifest> {
    const percent = status === PlaylistStatus.PACKAGING ? ENCODE_SHARE : 0;
    const manifest = await this.catalog.update(
      playlistId,
      {
        ...also,
        status,
        progress: { percent, rungs: rungs.map((r) => ({ label: r.label, height: r.height, percent: status === PlaylistStatus.PACKAGING ? 100 : 0 })), speed: null, eta_seconds: null },
      },
      run,
    );
    this.logger.log({ event: `job.${status.toLowerCase()}`, playlistId });
    await this.publish(playlistId, { status, percent, rungs: manifest.progress?.rungs ?? [] }, run);
    return manifest;
  }

  private async onEncodeProgress(playlistId: string, rungs: Rung[], p: EncodeProgress, run: string): Promise<void> {
    const current = this.progress.current(playlistId);
    if (p.stage === 'PACKAGING' && current?.status !== PlaylistStatus.PACKAGING) {
      await this.transition(playlistId, PlaylistStatus.PACKAGING, rungs, {}, run);
      return;
    }
    if (p.stage !== 'TRANSCODING') return;
    await this.publish(
      playlistId,
      {
        status: PlaylistStatus.TRANSCODING,
        percent: Math.round(p.percent * ENCODE_SHARE) / 100,
        rungs: rungs.map((r) => ({ label: r.label, height: r.height, percent: p.percent })),
        speed: p.speed,
        etaSeconds: p.etaSeconds,
      },
      run,
    );
  }

  private async publishQueuePositions(): Promise<void> {
    // a job another process has just started must not be shown queued again
    const ids = this.queue.waiting();
    const queued = await Promise.all(ids.map(async (id) => (await this.catalog.find(id))?.status === PlaylistStatus.QUEUED));
    const waiting = ids.filter((_, i) => queued[i]);
    await Promise.all(
      waiting.map((playlistId, i) => this.publish(playlistId, { status: PlaylistStatus.QUEUED, percent: 0, queuePosition: i + 1 })),
    );
  }

  /** With `run`, only while that run owns the playlist: a superseded run publishes nothing. */
  private async publish(playlistId: string, snapshot: Partial<ProcessingProgress> & Pick<ProcessingProgress, 'status'>, run?: string): Promise<void> {
    const manifest = await this.catalog.find(playlistId);
    if (run !== undefined && manifest?.job_run !== run) return;
    const playableAt = manifest?.playable_at;
    return this.progress.publish({
      playlistId,
      percent: 0,
      rungs: [],
      speed: null,
      etaSeconds: null,
      queuePosition: null,
      error: null,
      ...snapshot,
      playable: Boolean(playableAt),
      playableAt: playableAt ? new Date(playableAt) : null,
    });
  }
}
