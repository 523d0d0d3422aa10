// The API token this browser sends: read once from storage, kept in a signal.
import { Injectable, inject, signal } from '@angular/core';
import { TOKEN_STORAGE } from './auth.tokens';

export const TOKEN_STORAGE_KEY = 'cmm.apiToken';

@Injectable({ providedIn: 'root' })
export class AuthTokenStore {
  private readonly storage = inject(TOKEN_STORAGE);
  private readonly tokenState = signal<string | null>(this.read());

  readonly token = this.tokenState.asReadonly();

  save(token: string): void {
    this.tokenState.set(token);
    this.write((storage) => storage.setItem(TOKEN_STORAGE_KEY, token));
  }

  clear(): void {
    this.tokenState.set(null);
    this.write((storage) => storage.removeItem(TOKEN_STORAGE_KEY));
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(TOKEN_STORAGE_KEY) || null;
    } catch {
      return null;
    }
  }

  private write(
    change: (storage: NonNullable<typeof this.storage>) => void,
  ): void {
    try {
      if (this.storage) change(this.storage);
    } catch {
      // A full or blocked storage: the token still works for this page.
    }
  }
}

/** The `Authorization` header value for a token. */
export function bearer(token: string): string {
  return `Bearer ${token}`;
}
