// Several concurrent uploads as signals: bytes sent (tus, resumable), then processing stage, then the playlist opens once playable.
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  DestroyRef,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import {
  type CreateResumableUploadMutation,
  CreateResumableUploadDocument,
  type PlaylistStatus,
  type UploadOptionsInput,
} from '@cmm/api-schema';
import { print } from 'graphql';
import { Subscription, takeWhile } from 'rxjs';
import type { DetailedError, PreviousUpload } from 'tus-js-client';
import { AuthTokenStore, bearer } from '../auth/auth-token.store';
import { AuthService } from '../auth/auth.service';
import { isUnauthenticated } from '../auth/unauthenticated';
import { API_ENDPOINTS } from '../core/api-endpoints';
import { PlaylistsService } from '../playlists/data-access/playlists.service';
import { isPlayable } from '../shared/playable';
import { TUS_TRANSFER, type TusTransfer } from './tus-transfer';
import {
  type FieldErrors,
  type GraphQLErrorLike,
  graphqlErrorsOf,
  sortUploadErrors,
} from './upload-errors';

/** tus-js-client retries a dropped request after each delay in turn (ms) before reporting a network error. */
export const TUS_RETRY_DELAYS = [
  0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000,
];
/** One PATCH per 64 MiB: a proxy's body-size limit cannot refuse a large file, and a drop loses at most a chunk in flight. */
export const TUS_CHUNK_BYTES = 64 * 1024 ** 2;

/**
 * uploading → processing → opened | failed; `rejected` when the server refused the input,
 * `network-error` when the request never completed (retry is possible). The playlist opens as soon
 * as it is playable, as on video sites: it can be watched while the rest is still encoded, and the
 * player says how far processing is.
 */
export type UploadPhase =
  | 'uploading'
  | 'processing'
  | 'opened'
  | 'failed'
  | 'rejected'
  | 'network-error';

export interface UploadJob {
  readonly id: string;
  readonly fileName: string;
  readonly size: number;
  readonly title: string;
  readonly phase: UploadPhase;
  /** Share of the file's bytes sent, 0–100. */
  readonly sentPercent: number;
  /** Bytes the server already had when the upload last resumed (after a drop or a page reload); null for a fresh start. */
  readonly resumedAt: number | null;
  readonly playlistId: string | null;
  readonly stage: PlaylistStatus | null;
  /** Processing percent from the progress subscription, 0–100. */
  readonly stagePercent: number;
  readonly fieldErrors: FieldErrors;
  readonly error: string | null;
}

export interface UploadRequest {
  readonly file: File;
  readonly options: UploadOptionsInput;
}

@Injectable({ providedIn: 'root' })
export class UploadService {
  private readonly http = inject(HttpClient);
  private readonly endpoints = inject(API_ENDPOINTS);
  private readonly playlists = inject(PlaylistsService);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  private readonly tokens = inject(AuthTokenStore);
  private readonly createTransfer = inject(TUS_TRANSFER);

  private readonly jobsState = signal<readonly UploadJob[]>([]);
  private readonly requests = new Map<string, UploadRequest>();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly transfers = new Map<string, TusTransfer>();
  /** The playlist id each upload's bytes will become, once createResumableUpload (or this browser's storage) named it. */
  private readonly reservedIds = new Map<string, string>();
  /** Uploads picked up from this browser's storage (after a reload): if the server no longer has one, it starts over once. */
  private readonly resumedFromStorage = new Set<string>();
  private nextId = 1;

  /** Every upload of this session that was not cancelled or dismissed, newest first. */
  readonly jobs = this.jobsState.asReadonly();
  /** Uploads whose playlist does not exist yet (bytes still travelling, or refused): the sidebar shows them on top. */
  readonly pendingJobs = computed(() =>
    this.jobsState().filter((j) => j.playlistId === null),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.subscriptions.forEach((s) => s.unsubscribe());
      this.transfers.forEach((t) => void t.abort());
    });
  }

  job(id: string): UploadJob | undefined {
    return this.jobsState().find((j) => j.id === id);
  }

  start(request: UploadRequest): string {
    const id = `upload-${this.nextId++}`;
    this.requests.set(id, request);
    this.jobsState.update((jobs) => [
      {
        id,
        fileName: request.file.name,
        size: request.file.size,
        title: request.options.title?.trim() || request.file.name,
        phase: 'uploading',
        sentPercent: 0,
        resumedAt: null,
        playlistId: null,
        stage: null,
        stagePercent: 0,
        fieldErrors: {},
        error: null,
      },
      ...jobs,
    ]);
    this.send(id);
    return id;
  }

  /** Goes on after a network failure, from the bytes the server already has. */
  retry(id: string): void {
    const job = this.job(id);
    if (!job || job.phase !== 'network-error') return;
    this.patch(id, { phase: 'uploading', error: null, fieldErrors: {} });
    this.send(id);
  }

  /** Stops the upload, removes its partial file from the server, and forgets it. */
  cancel(id: string): void {
    void this.transfers
      .get(id)
      ?.abort(true)
      .catch(() => undefined);
    this.transfers.delete(id);
    this.dismiss(id);
  }

  /** Forgets a finished or refused upload (its playlist, if any, stays in the history). */
  dismiss(id: string): void {
    this.subscriptions.get(id)?.unsubscribe();
    this.subscriptions.delete(id);
    void this.transfers.get(id)?.abort();
    this.transfers.delete(id);
    this.reservedIds.delete(id);
    this.resumedFromStorage.delete(id);
    this.requests.delete(id);
    this.jobsState.update((jobs) => jobs.filter((j) => j.id !== id));
  }

  /** Starts the tus transfer, or restarts it: tus-js-client asks the server for its offset (HEAD) and sends the rest. */
  private send(id: string, lookUpPrevious = true): void {
    const existing = this.transfers.get(id);
    if (existing) {
      existing.start();
      return;
    }
    const request = this.requests.get(id);
    if (!request) return;
    const transfer = this.createTransfer(request.file, {
      chunkSize: TUS_CHUNK_BYTES,
      retryDelays: TUS_RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: (req) => {
        const token = this.tokens.token();
        if (token) req.setHeader('Authorization', bearer(token));
      },
      onAfterResponse: (req, res) => {
        // tus-js-client asks for the offset before every (re)start: that is what is already on the server.
        if (req.getMethod() === 'HEAD' && res.getStatus() === 200)
          this.patch(id, {
            resumedAt: Number(res.getHeader('Upload-Offset')) || null,
          });
      },
      onProgress: (sent, total) =>
        this.patch(id, { sentPercent: total ? (sent / total) * 100 : 0 }),
      onSuccess: () => this.uploaded(id),
      onError: (error) => this.transferFailed(id, error),
    });
    this.transfers.set(id, transfer);
    if (lookUpPrevious) void this.resumeOrCreate(id, transfer, request);
    else this.create(id, transfer, request);
  }

  /** Resumes the unfinished upload of this very file if this browser started one (tus stores its URL by the file's fingerprint), or creates one. */
  private async resumeOrCreate(
    id: string,
    transfer: TusTransfer,
    request: UploadRequest,
  ): Promise<void> {
    const previous = await transfer.findPreviousUploads().catch(() => []);
    const resumable = previous.find(
      (p: PreviousUpload) => p.uploadUrl && p.metadata['playlistId'],
    );
    if (resumable) {
      this.resumedFromStorage.add(id);
      this.reservedIds.set(id, resumable.metadata['playlistId']);
      transfer.resumeFromPreviousUpload(resumable);
      transfer.start();
    } else {
      this.create(id, transfer, request);
    }
  }

  private create(
    id: string,
    transfer: TusTransfer,
    request: UploadRequest,
  ): void {
    const subscription = this.http
      .post<{ data?: CreateResumableUploadMutation | null }>(
        this.endpoints.http,
        {
          query: print(CreateResumableUploadDocument),
          operationName: 'CreateResumableUpload',
          variables: {
            file: { filename: request.file.name, size: request.file.size },
            options: request.options,
          },
        },
      )
      .subscribe({
        next: (body) => {
          const created = body?.data?.createResumableUpload;
          const errors = graphqlErrorsOf(body);
          if (errors || !created) {
            this.transfers.delete(id);
            this.refuse(
              id,
              errors ?? [{ message: 'The server did not accept the upload.' }],
            );
            return;
          }
          this.reservedIds.set(id, created.playlistId);
          transfer.options.uploadUrl = created.uploadUrl;
          // kept with the stored URL, so a reloaded page knows which playlist the bytes become
          transfer.options.metadata = { playlistId: created.playlistId };
          transfer.start();
        },
        error: (error: unknown) => {
          this.transfers.delete(id);
          this.handleError(id, error);
        },
      });
    this.subscriptions.set(id, subscription);
  }

  private uploaded(id: string): void {
    const playlistId = this.reservedIds.get(id);
    this.transfers.delete(id);
    if (!playlistId) return;
    this.patch(id, {
      sentPercent: 100,
      playlistId,
      phase: 'processing',
      stage: 'QUEUED',
    });
    this.follow(id, playlistId);
  }

  /** After tus-js-client's own retries: a refusal (errors as the GraphQL API words them), an upload the server no longer has, or the network. */
  private transferFailed(id: string, error: Error | DetailedError): void {
    const response =
      'originalResponse' in error ? error.originalResponse : null;
    const status = response?.getStatus() ?? 0;
    if (status === 404 || status === 410) {
      this.transfers.delete(id);
      if (this.resumedFromStorage.delete(id)) {
        // expired while the page was closed: tus-js-client has forgotten its URL; create a new upload
        this.send(id, false);
        return;
      }
      this.patch(id, {
        phase: 'rejected',
        error:
          'The server no longer has this upload (it expired or was removed); upload the file again.',
      });
      return;
    }
    const errors: GraphQLErrorLike[] | null =
      status === 401
        ? [
            {
              message: response?.getBody().trim() || 'Unauthorized',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ]
        : graphqlErrorsOf(response?.getBody());
    if (errors) {
      // a refused file is gone from the server: a new attempt starts over
      if (status !== 401) this.transfers.delete(id);
      this.refuse(id, errors);
      return;
    }
    this.patch(id, {
      phase: 'network-error',
      error:
        'The connection dropped. Retry to go on from the bytes the server already has.',
    });
  }

  private handleError(id: string, error: unknown): void {
    const errors =
      error instanceof HttpErrorResponse ? graphqlErrorsOf(error.error) : null;
    if (errors) {
      this.refuse(id, errors);
      return;
    }
    const message =
      error instanceof HttpErrorResponse && error.status !== 0
        ? `Upload failed (HTTP ${error.status}). Check your connection and retry.`
        : 'Network error: the upload did not reach the server.';
    this.patch(id, { phase: 'network-error', error: message });
  }

  private refuse(
    id: string,
    errors: Parameters<typeof sortUploadErrors>[0],
  ): void {
    const { fieldErrors, general } = sortUploadErrors(errors);
    this.patch(id, { phase: 'rejected', fieldErrors, error: general });
    if (isUnauthenticated(errors)) this.auth.unauthenticated(true);
  }

  private follow(id: string, playlistId: string): void {
    const subscription = this.playlists
      .progress$(playlistId)
      .pipe(takeWhile((progress) => !isPlayable(progress), true))
      .subscribe({
        next: (progress) => {
          this.patch(id, {
            stage: progress.status,
            stagePercent: progress.percent,
          });
          if (isPlayable(progress)) {
            this.patch(id, { phase: 'opened' });
            void this.router.navigate(['/playlists', playlistId]);
          } else if (progress.status === 'FAILED') {
            this.patch(id, {
              phase: 'failed',
              error: progress.error ?? 'Processing failed.',
            });
          }
        },
        error: () =>
          this.patch(id, {
            phase: 'failed',
            error: 'Lost track of the processing progress.',
          }),
      });
    this.subscriptions.set(id, subscription);
  }

  private patch(id: string, changes: Partial<UploadJob>): void {
    this.jobsState.update((jobs) =>
      jobs.map((j) => (j.id === id ? { ...j, ...changes } : j)),
    );
  }
}
