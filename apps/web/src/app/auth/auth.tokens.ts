import { DOCUMENT, InjectionToken, inject } from '@angular/core';

/** Where the API token is kept between visits; specs provide an in-memory one. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const TOKEN_STORAGE = new InjectionToken<TokenStorage | null>(
  'API token storage',
  {
    providedIn: 'root',
    factory: () => {
      try {
        return inject(DOCUMENT).defaultView?.localStorage ?? null;
      } catch {
        // Storage disabled by the browser: the token lasts as long as the page.
        return null;
      }
    },
  },
);
