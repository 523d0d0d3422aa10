import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideApollo } from 'apollo-angular';
import { appRoutes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { createApolloOptions } from './apollo-options';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // Default XHR backend on purpose: upload progress events need it (fetch cannot report bytes sent).
    provideHttpClient(withInterceptors([authInterceptor])),
    provideApollo(createApolloOptions),
  ],
};
