import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { closeDialog, showDialog } from '../shared/dialog';
import { AuthService, type SignInProblem } from './auth.service';

const PROBLEM_TEXT: Record<Exclude<SignInProblem, null>, string> = {
  needed: 'Uploading and deleting need an API token.',
  refused: 'The server refused your API token. Enter a new one.',
  'not-accepted':
    'The server did not accept this token. Check it and try again.',
  unreachable: 'Could not reach the server to check the token. Try again.',
};

/** Asks for the API token when the server wants one; watching needs none, so it can be put off. */
@Component({
  selector: 'cmm-sign-in-dialog',
  templateUrl: './sign-in-dialog.component.html',
  styleUrl: './sign-in-dialog.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInDialogComponent {
  protected readonly auth = inject(AuthService);
  private readonly dialog =
    viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  protected readonly token = signal('');
  protected readonly problemText = computed(() => {
    const problem = this.auth.problem();
    return problem ? PROBLEM_TEXT[problem] : null;
  });
  protected readonly canSubmit = computed(
    () => this.token().trim() !== '' && !this.auth.checking(),
  );

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.auth.dialogOpen() && !dialog.open) {
        this.token.set('');
        showDialog(dialog);
      } else if (!this.auth.dialogOpen() && dialog.open) {
        closeDialog(dialog);
      }
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.canSubmit()) this.auth.signIn(this.token());
  }

  /** Escape on a native dialog fires `cancel`: the service owns the open state. */
  protected onCancel(event: Event): void {
    event.preventDefault();
    this.auth.dismiss();
  }
}
