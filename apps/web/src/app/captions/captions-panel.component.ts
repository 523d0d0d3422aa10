// A playlist's captions: list them (with the source's subtitle tracks that were skipped), add one from a file, remove one.
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import {
  captionLabel,
  languageName,
  validateCaptionForm,
} from './caption-form';
import {
  type Caption,
  type CaptionField,
  CaptionsService,
  type PlaylistCaptions,
  captionErrors,
} from './captions.service';

@Component({
  selector: 'cmm-captions-panel',
  templateUrl: './captions-panel.component.html',
  styleUrl: './captions-panel.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaptionsPanelComponent {
  private readonly captions = inject(CaptionsService);

  readonly playlist = input.required<PlaylistCaptions>();
  /** A caption was added or removed: the playlist (and the player's captions menu) should be read again. */
  readonly changed = output<void>();

  private readonly fileInput =
    viewChild<ElementRef<HTMLInputElement>>('fileInput');

  /** The server takes captions only for a READY playlist. */
  protected readonly ready = computed(() => this.playlist().status === 'READY');
  protected readonly file = signal<File | null>(null);
  protected readonly language = signal('');
  protected readonly label = signal('');
  protected readonly labelPlaceholder = computed(
    () => languageName(this.language()) ?? 'English (SDH)',
  );
  protected readonly saving = signal(false);
  /** Client checks show once Add was pressed. */
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<Partial<Record<CaptionField, string>>>(
    {},
  );
  protected readonly formError = signal<string | null>(null);
  protected readonly fieldErrors = computed(() => ({
    ...(this.submitted()
      ? validateCaptionForm({
          file: this.file(),
          language: this.language(),
          label: this.label(),
        })
      : {}),
    ...this.serverErrors(),
  }));
  /** The caption whose Remove was pressed once: a second press removes it. */
  protected readonly confirming = signal<string | null>(null);
  protected readonly removing = signal<string | null>(null);
  protected readonly listError = signal<string | null>(null);

  protected error(field: CaptionField): string {
    return this.fieldErrors()[field] ?? '';
  }

  protected onFileChosen(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.clearServerError('file');
  }

  protected onLanguageInput(value: string): void {
    this.language.set(value);
    this.clearServerError('language');
  }

  protected onLabelInput(value: string): void {
    this.label.set(value);
    this.clearServerError('label');
  }

  protected add(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    this.serverErrors.set({});
    this.formError.set(null);
    const value = {
      file: this.file(),
      language: this.language(),
      label: this.label(),
    };
    if (Object.keys(validateCaptionForm(value)).length || !value.file) return;
    this.saving.set(true);
    this.captions
      .add({
        playlistId: this.playlist().id,
        language: value.language.trim(),
        label: captionLabel(value),
        file: value.file,
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.reset();
          this.changed.emit();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const { fieldErrors, general } = captionErrors(error);
          this.serverErrors.set(fieldErrors);
          this.formError.set(general);
        },
      });
  }

  protected remove(caption: Caption): void {
    if (this.confirming() !== caption.language)
      return this.confirming.set(caption.language);
    this.confirming.set(null);
    this.removing.set(caption.language);
    this.listError.set(null);
    this.captions.remove(this.playlist().id, caption.language).subscribe({
      next: () => {
        this.removing.set(null);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.removing.set(null);
        const { fieldErrors, general } = captionErrors(error);
        this.listError.set(
          [general, ...Object.values(fieldErrors)].filter(Boolean).join(' '),
        );
      },
    });
  }

  private clearServerError(field: CaptionField): void {
    this.serverErrors.update((errors) => {
      const rest = { ...errors };
      delete rest[field];
      return rest;
    });
  }

  private reset(): void {
    this.submitted.set(false);
    this.file.set(null);
    this.language.set('');
    this.label.set('');
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }
}
