// `/` and `/playlists/:id` share one route so the dashboard (and an open upload dialog) survives switching playlists.
import { inject } from '@angular/core';
import {
  type CanActivateFn,
  Router,
  type UrlMatchResult,
  type UrlSegment,
} from '@angular/router';

export function dashboardMatcher(
  segments: UrlSegment[],
): UrlMatchResult | null {
  if (segments.length === 0) return { consumed: [] };
  if (segments.length === 2 && segments[0].path === 'playlists') {
    return { consumed: segments, posParams: { id: segments[1] } };
  }
  return null;
}

/** The prototype linked playlists as `/?playlist=<id>`: keep those links working. */
export const legacyPlaylistRedirect: CanActivateFn = (route) => {
  const id = route.queryParamMap.get('playlist');
  if (!id || route.paramMap.has('id')) return true;
  return inject(Router).createUrlTree(['/playlists', id]);
};
