import { Route } from '@angular/router';
import { DashboardComponent } from './dashboard/dashboard.component';
import {
  dashboardMatcher,
  legacyPlaylistRedirect,
} from './dashboard/dashboard.routes';
import { WebhooksComponent } from './webhooks/webhooks.component';

export const appRoutes: Route[] = [
  {
    path: 'webhooks',
    component: WebhooksComponent,
    title: 'Webhooks · CMM Streaming',
  },
  {
    matcher: dashboardMatcher,
    component: DashboardComponent,
    canActivate: [legacyPlaylistRedirect],
    title: 'CMM Streaming',
  },
  { path: '**', redirectTo: '' },
];
