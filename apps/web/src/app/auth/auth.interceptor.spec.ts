import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthTokenStore } from './auth-token.store';
import { authInterceptor } from './auth.interceptor';
import { TOKEN_STORAGE } from './auth.tokens';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthTokenStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: TOKEN_STORAGE, useValue: null },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthTokenStore);
  });

  afterEach(() => backend.verify());

  const sentAuthorization = (
    url: string,
    headers: Record<string, string> = {},
  ) => {
    http.post(url, {}, { headers }).subscribe();
    const request = backend.expectOne(url).request;
    return request.headers.get('Authorization');
  };

  it.each<
    [string, string | null, string, Record<string, string>, string | null]
  >([
    [
      'the token to /graphql',
      'secret-token',
      '/graphql',
      {},
      'Bearer secret-token',
    ],
    ['nothing without a token', null, '/graphql', {}, null],
    ['nothing to another URL', 'secret-token', '/media/x/poster.jpg', {}, null],
    [
      'a header set on purpose unchanged',
      'secret-token',
      '/graphql',
      { Authorization: 'Bearer candidate' },
      'Bearer candidate',
    ],
  ])('sends %s', (_name, token, url, headers, expected) => {
    if (token) store.save(token);
    expect(sentAuthorization(url, headers)).toBe(expected);
  });
});
