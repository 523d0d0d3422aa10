// Whether this server asks for an API token, and the sign-in prompt: asked once at start-up, again when a token is refused.
import { HttpClient } from '@angular/common/http';
import {
  ErrorHandler,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { AuthDocument, type AuthQuery } from '@cmm/api-schema';
import { print } from 'graphql';
import { type Observable, map } from 'rxjs';
import { API_ENDPOINTS } from '../core/api-endpoints';
import { GRAPHQL_WS_CLIENT } from './graphql-ws-client';
import { AuthTokenStore, bearer } from './auth-token.store';

export type AuthStatus = AuthQuery['auth'];

/**
 * Why the sign-in dialog is open: `needed` (a write was refused, no token yet), `refused` (the
 * server turned down the stored token), `not-accepted` (the token just typed is wrong),
 * `unreachable` (it could not be checked); null when simply asked for.
 */
export type SignInProblem =
  | 'needed'
  | 'refused'
  | 'not-accepted'
  | 'unreachable'
  | null;

const AUTH_QUERY = print(AuthDocument);

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly endpoints = inject(API_ENDPOINTS);
  private readonly store = inject(AuthTokenStore);
  private readonly ws = inject(GRAPHQL_WS_CLIENT);
  private readonly errors = inject(ErrorHandler);

  private readonly required = signal(false);
  private readonly prompt = signal<{ open: boolean; problem: SignInProblem }>({
    open: false,
    problem: null,
  });
  private readonly checkingState = signal(false);

  /** True once the server said writes need a token. */
  readonly tokenRequired = this.required.asReadonly();
  readonly signedIn = computed(() => this.store.token() !== null);
  readonly dialogOpen = computed(() => this.prompt().open);
  readonly problem = computed(() => this.prompt().problem);
  /** A typed token is being checked with the server. */
  readonly checking = this.checkingState.asReadonly();

  /** Asks the server whether it needs a token; prompts when it does and this browser has none that works. */
  check(): void {
    this.ask(null).subscribe({
      next: (status) => {
        this.required.set(status.tokenRequired);
        if (!status.tokenRequired || status.canWrite) return;
        if (this.store.token() === null) {
          this.open();
        } else {
          this.forgetToken();
          this.open('refused');
        }
      },
      error: (error: unknown) => this.errors.handleError(error),
    });
  }

  /** Checks a typed token with the server and keeps it only if the server accepts it. */
  signIn(candidate: string): void {
    const token = candidate.trim();
    if (!token || this.checkingState()) return;
    this.checkingState.set(true);
    this.ask(token).subscribe({
      next: (status) => {
        this.checkingState.set(false);
        this.required.set(status.tokenRequired);
        if (!status.canWrite) {
          this.open('not-accepted');
          return;
        }
        this.store.save(token);
        // The socket was opened with the old connection params: reconnect with the new ones.
        this.ws.terminate();
        this.dismiss();
      },
      error: () => {
        this.checkingState.set(false);
        this.open('unreachable');
      },
    });
  }

  open(problem: SignInProblem = null): void {
    this.prompt.set({ open: true, problem });
  }

  dismiss(): void {
    this.prompt.set({ open: false, problem: null });
  }

  /**
   * A request came back UNAUTHENTICATED. A token that was sent is forgotten and a new one asked
   * for; without one, only a write the user asked for prompts (a refused subscription falls back
   * to polling, which needs no token).
   */
  unauthenticated(write: boolean): void {
    if (this.store.token() !== null) {
      this.forgetToken();
      this.open('refused');
    } else if (write) {
      this.open('needed');
    }
  }

  private forgetToken(): void {
    this.store.clear();
    this.ws.terminate();
  }

  private ask(token: string | null): Observable<AuthStatus> {
    return this.http
      .post<{
        data?: AuthQuery | null;
      }>(
        this.endpoints.http,
        { operationName: 'Auth', query: AUTH_QUERY },
        token ? { headers: { Authorization: bearer(token) } } : {},
      )
      .pipe(
        map((body) => {
          if (!body?.data) throw new Error('The server sent no auth status');
          return body.data.auth;
        }),
      );
  }
}
