import { InjectionToken } from '@angular/core';
import { injectLocalStorage } from '../shared/browser-storage';

/** Where the API token is kept between visits; specs provide an in-memory one. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const TOKEN_STORAGE = new InjectionToken<TokenStorage | null>(
  'API token storage',
  {
    providedIn: 'root',
    factory: injectLocalStorage,
  },
);
