import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { AuthService } from './auth/auth.service';
import { SignInDialogComponent } from './auth/sign-in-dialog.component';

@Component({
  imports: [RouterOutlet, SignInDialogComponent],
  selector: 'cmm-root',
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  constructor() {
    // Ask once whether this server wants a token, so the prompt comes before the first refusal.
    inject(AuthService).check();
  }
}
