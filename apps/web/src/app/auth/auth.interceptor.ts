// Sends the API token with every request to the GraphQL endpoint (Apollo's HTTP link and uploads alike).
import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_ENDPOINTS } from '../core/api-endpoints';
import { AuthTokenStore, bearer } from './auth-token.store';

export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const token = inject(AuthTokenStore).token();
  // Only our own endpoint, and never over a header set on purpose (the sign-in check sends its candidate).
  if (
    !token ||
    request.url !== inject(API_ENDPOINTS).http ||
    request.headers.has('Authorization')
  ) {
    return next(request);
  }
  return next(request.clone({ setHeaders: { Authorization: bearer(token) } }));
};
