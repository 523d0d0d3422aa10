import { Route } from '@angular/router';
import { DashboardComponent } from './dashboard/dashboard.component';
import {
  dashboardMatcher,
  legacyPlaylistRedirect,
} from './dashboard/dashboard.routes';

export const appRoutes: Route[] = [
  {
    matcher: dashboardMatcher,
    component: DashboardComponent,
    canActivate: [legacyPlaylistRedirect],
    title: 'CMM Streaming',
  },
  { path: '**', redirectTo: '' },
];
