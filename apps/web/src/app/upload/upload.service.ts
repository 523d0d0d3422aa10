// Several concurrent uploads as signals: bytes sent, then processing stage, then the playlist opens once playable.
import {
  HttpClient,
  HttpErrorResponse,
  HttpEventType,
  HttpHeaders,
  HttpRequest,
} from '@angular/common/http';
import {
  DestroyRef,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router } from '@angular/router';
import {
  type PlaylistStatus,
  type UploadOptionsInput,
  type UploadVideoMutation,
  UploadVideoDocument,
} from '@cmm/api-schema';
import { Subscription, takeWhile } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { isUnauthenticated } from '../auth/unauthenticated';
import { API_ENDPOINTS } from '../core/api-endpoints';
import { PlaylistsService } from '../playlists/data-access/playlists.service';
import { isPlayable } from '../shared/playable';
import { buildMultipartBody } from './multipart-request';
import {
  type FieldErrors,
  graphqlErrorsOf,
  sortUploadErrors,
} from './upload-errors';

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

  private readonly jobsState = signal<readonly UploadJob[]>([]);
  private readonly requests = new Map<string, UploadRequest>();
  private readonly subscriptions = new Map<string, Subscription>();
  private nextId = 1;

  /** Every upload of this session that was not cancelled or dismissed, newest first. */
  readonly jobs = this.jobsState.asReadonly();
  /** Uploads whose playlist does not exist yet (bytes still travelling, or refused): the sidebar shows them on top. */
  readonly pendingJobs = computed(() =>
    this.jobsState().filter((j) => j.playlistId === null),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() =>
      this.subscriptions.forEach((s) => s.unsubscribe()),
    );
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

  /** Sends the same file and options again after a network failure. */
  retry(id: string): void {
    const job = this.job(id);
    if (!job || job.phase !== 'network-error') return;
    this.patch(id, {
      phase: 'uploading',
      sentPercent: 0,
      error: null,
      fieldErrors: {},
    });
    this.send(id);
  }

  /** Aborts the HTTP request (unsubscribing cancels the XHR) and forgets the upload. */
  cancel(id: string): void {
    this.subscriptions.get(id)?.unsubscribe();
    this.dismiss(id);
  }

  /** Forgets a finished or refused upload (its playlist, if any, stays in the history). */
  dismiss(id: string): void {
    this.subscriptions.get(id)?.unsubscribe();
    this.subscriptions.delete(id);
    this.requests.delete(id);
    this.jobsState.update((jobs) => jobs.filter((j) => j.id !== id));
  }

  private send(id: string): void {
    const request = this.requests.get(id);
    if (!request) return;
    const body = buildMultipartBody(
      UploadVideoDocument,
      { file: null, options: request.options },
      {
        path: 'variables.file',
        file: request.file,
        filename: request.file.name,
      },
    );
    const httpRequest = new HttpRequest('POST', this.endpoints.http, body, {
      reportProgress: true,
      responseType: 'json',
      // Apollo Server's CSRF prevention refuses multipart requests without a preflight-forcing header.
      headers: new HttpHeaders({ 'apollo-require-preflight': 'true' }),
    });
    this.subscriptions.get(id)?.unsubscribe();
    const subscription = this.http
      .request<{ data?: UploadVideoMutation | null }>(httpRequest)
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const percent = event.total
              ? (event.loaded / event.total) * 100
              : 0;
            this.patch(id, { sentPercent: Math.min(100, percent) });
          } else if (event.type === HttpEventType.ResponseHeader) {
            // The server answers only once it has every byte, whatever progress events the browser skipped.
            this.patch(id, { sentPercent: 100 });
          } else if (event.type === HttpEventType.Response) {
            this.handleResponse(id, event.body);
          }
        },
        error: (error: unknown) => this.handleError(id, error),
      });
    this.subscriptions.set(id, subscription);
  }

  private handleResponse(
    id: string,
    body: { data?: UploadVideoMutation | null } | null,
  ): void {
    const errors = graphqlErrorsOf(body);
    const playlist = body?.data?.uploadVideo;
    if (errors || !playlist) {
      this.refuse(
        id,
        errors ?? [{ message: 'The server did not accept the upload.' }],
      );
      return;
    }
    this.patch(id, {
      sentPercent: 100,
      playlistId: playlist.id,
      phase: 'processing',
      stage: playlist.status,
    });
    this.playlists.upsert(playlist);
    this.follow(id, playlist.id);
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
