import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  ErrorHandler,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, of } from 'rxjs';
import { PlaylistsService } from '../playlists/data-access/playlists.service';
import { closeDialog, showDialog } from '../shared/dialog';
import { clampPercent, formatBytes } from '../shared/format';
import { type FieldErrors, type UploadField } from './upload-errors';
import { FALLBACK_LIMITS, validateUploadForm } from './upload-form';
import { UploadService } from './upload.service';

const STAGE_TEXT: Record<string, string> = {
  QUEUED: 'Queued',
  PROBING: 'Probing the source',
  TRANSCODING: 'Transcoding',
  PACKAGING: 'Packaging',
  READY: 'Ready',
  FAILED: 'Failed',
};

@Component({
  selector: 'cmm-upload-dialog',
  templateUrl: './upload-dialog.component.html',
  styleUrl: './upload-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadDialogComponent {
  private readonly uploads = inject(UploadService);
  private readonly document = inject(DOCUMENT);
  private readonly errors = inject(ErrorHandler);

  readonly open = input(false);
  readonly closed = output<void>();

  private readonly dialog =
    viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly fileInput =
    viewChild.required<ElementRef<HTMLInputElement>>('fileInput');
  private returnFocusTo: HTMLElement | null = null;

  private readonly serverLimits = toSignal(
    inject(PlaylistsService)
      .uploadLimits()
      .pipe(
        // The form still works with the built-in limits; the server checks again on upload.
        catchError((error: unknown) => {
          this.errors.handleError(error);
          return of(null);
        }),
      ),
    { initialValue: null },
  );
  protected readonly limits = computed(
    () => this.serverLimits() ?? FALLBACK_LIMITS,
  );
  protected readonly accept = computed(() =>
    this.limits()
      .allowedExtensions.map((e) => `.${e.replace(/^\./, '')}`)
      .join(','),
  );
  protected readonly resolutionOptions = computed(() =>
    [...this.limits().allowedResolutions].sort((a, b) => b - a),
  );

  protected readonly file = signal<File | null>(null);
  protected readonly resolutions = linkedSignal<ReadonlySet<number>>(
    () => new Set(this.limits().defaultResolutions),
  );
  protected readonly segmentDuration = linkedSignal<number | null>(
    () => this.limits().defaultSegmentDuration,
  );
  protected readonly title = signal('');
  protected readonly dragging = signal(false);

  private readonly jobId = signal<string | null>(null);
  protected readonly job = computed(() => {
    const id = this.jobId();
    return id ? (this.uploads.jobs().find((j) => j.id === id) ?? null) : null;
  });

  private readonly clientErrors = computed(() =>
    validateUploadForm(
      {
        file: this.file(),
        resolutions: this.resolutions(),
        segmentDuration: this.segmentDuration(),
      },
      this.limits(),
    ),
  );
  /** Client checks first; the server's verdict on the last attempt fills in the rest. */
  protected readonly fieldErrors = computed<FieldErrors>(() => {
    const job = this.job();
    const server = job?.phase === 'rejected' ? job.fieldErrors : {};
    return { ...server, ...this.clientErrors() };
  });
  protected readonly starting = computed(
    () => this.job()?.phase === 'uploading',
  );
  protected readonly canSubmit = computed(
    () =>
      this.file() !== null &&
      Object.keys(this.clientErrors()).length === 0 &&
      !this.starting(),
  );
  /** Bytes sent: stays at 100 once the server has the whole file. */
  protected readonly sentValue = computed(() =>
    clampPercent(this.job()?.sentPercent ?? 0),
  );
  /** Processing percent, once the server has accepted the file. */
  protected readonly processingValue = computed(() => {
    const job = this.job();
    return job && job.playlistId !== null
      ? clampPercent(job.stagePercent)
      : null;
  });
  protected readonly stageText = computed(() => {
    const job = this.job();
    if (!job) return '';
    switch (job.phase) {
      case 'uploading':
        return job.resumedAt
          ? `Resuming at ${formatBytes(job.resumedAt)}: ${clampPercent(job.sentPercent)}%`
          : `Uploading ${clampPercent(job.sentPercent)}%`;
      case 'network-error':
        return 'Upload interrupted';
      case 'rejected':
        return 'The server refused the upload';
      case 'processing':
        return `${STAGE_TEXT[job.stage ?? 'QUEUED']} ${clampPercent(job.stagePercent)}%`;
      case 'opened':
        return 'Playable: opening the playlist';
      case 'failed':
        return 'Processing failed';
    }
  });
  protected readonly formatBytes = formatBytes;

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.open() && !dialog.open) this.show(dialog);
      else if (!this.open() && dialog.open) this.hide(dialog);
    });
    // The new playlist opens by itself once playable (UploadService navigates); the dialog steps aside.
    effect(() => {
      if (this.job()?.phase === 'opened') {
        this.jobId.set(null);
        this.file.set(null);
        this.fileInput().nativeElement.value = '';
        this.closed.emit();
      }
    });
  }

  protected error(field: UploadField): string | undefined {
    return this.fieldErrors()[field];
  }

  protected onFileChosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.chooseFile(input.files?.[0] ?? null);
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    this.chooseFile(event.dataTransfer?.files?.[0] ?? null);
  }

  protected toggleResolution(height: number, checked: boolean): void {
    this.resolutions.update((current) => {
      const next = new Set(current);
      if (checked) next.add(height);
      else next.delete(height);
      return next;
    });
  }

  protected onSegmentInput(value: string): void {
    const seconds = value.trim() === '' ? null : Number(value);
    this.segmentDuration.set(seconds);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const file = this.file();
    const seconds = this.segmentDuration();
    if (!this.canSubmit() || !file || seconds == null) return;
    const previous = this.job();
    if (previous && previous.phase === 'rejected')
      this.uploads.dismiss(previous.id);
    const id = this.uploads.start({
      file,
      options: {
        resolutions: [...this.resolutions()].sort((a, b) => b - a),
        segmentDuration: seconds,
        title: this.title().trim() || null,
      },
    });
    this.jobId.set(id);
  }

  protected retry(): void {
    const job = this.job();
    if (job) this.uploads.retry(job.id);
  }

  protected cancelUpload(): void {
    const job = this.job();
    if (job) this.uploads.cancel(job.id);
    this.jobId.set(null);
  }

  protected close(): void {
    this.closed.emit();
  }

  /** Escape on a native dialog fires `cancel`: let the parent own the open state. */
  protected onCancel(event: Event): void {
    event.preventDefault();
    this.closed.emit();
  }

  private chooseFile(file: File | null): void {
    this.file.set(file);
    const job = this.job();
    // A new file starts a new attempt: forget the previous refusal, keep uploads that are under way.
    if (job && job.phase === 'rejected') {
      this.uploads.dismiss(job.id);
      this.jobId.set(null);
    } else if (
      job &&
      job.phase !== 'uploading' &&
      job.phase !== 'network-error'
    ) {
      this.jobId.set(null);
    }
  }

  private show(dialog: HTMLDialogElement): void {
    this.returnFocusTo = this.document.activeElement as HTMLElement | null;
    showDialog(dialog);
  }

  private hide(dialog: HTMLDialogElement): void {
    closeDialog(dialog);
    this.returnFocusTo?.focus?.();
    this.returnFocusTo = null;
  }
}
