import { UrlSegment } from '@angular/router';
import { dashboardMatcher } from './dashboard.routes';

const segments = (...paths: string[]) =>
  paths.map((p) => new UrlSegment(p, {}));

describe('dashboardMatcher', () => {
  it('matches the root without an id', () => {
    expect(dashboardMatcher([])).toEqual({ consumed: [] });
  });

  it('matches /playlists/:id and exposes the id', () => {
    const result = dashboardMatcher(segments('playlists', 'clip-20261124'));
    expect(result?.posParams?.['id'].path).toBe('clip-20261124');
  });

  it.each([[['playlists']], [['playlists', 'a', 'b']], [['videos', 'a']]])(
    'does not match %p',
    (paths) => {
      expect(dashboardMatcher(segments(...paths))).toBeNull();
    },
  );
});
