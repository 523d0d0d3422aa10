import { DOCUMENT, inject } from '@angular/core';

/**
 * The page's localStorage for a token factory, or null when the browser disables storage (then
 * what would be remembered lasts as long as the page).
 */
export function injectLocalStorage(): Storage | null {
  try {
    return inject(DOCUMENT).defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}
