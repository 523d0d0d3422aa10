import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { GRAPHQL_WS_CLIENT } from './graphql-ws-client';
import { AuthTokenStore, TOKEN_STORAGE_KEY } from './auth-token.store';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { TOKEN_STORAGE } from './auth.tokens';

describe('AuthService', () => {
  let service: AuthService;
  let store: AuthTokenStore;
  let http: HttpTestingController;
  let terminate: jest.Mock;

  function setUp(storedToken: string | null = null) {
    terminate = jest.fn();
    const items = new Map<string, string>(
      storedToken ? [[TOKEN_STORAGE_KEY, storedToken]] : [],
    );
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        {
          provide: TOKEN_STORAGE,
          useValue: {
            getItem: (k: string) => items.get(k) ?? null,
            setItem: (k: string, v: string) => items.set(k, v),
            removeItem: (k: string) => items.delete(k),
          },
        },
        { provide: GRAPHQL_WS_CLIENT, useValue: { terminate } },
      ],
    });
    service = TestBed.inject(AuthService);
    store = TestBed.inject(AuthTokenStore);
    http = TestBed.inject(HttpTestingController);
  }

  /** Answers the pending `auth` query; returns the Authorization header it carried. */
  function answer(tokenRequired: boolean, canWrite: boolean): string | null {
    const request = http.expectOne('/graphql');
    expect(request.request.body).toMatchObject({ operationName: 'Auth' });
    request.flush({ data: { auth: { tokenRequired, canWrite } } });
    return request.request.headers.get('Authorization');
  }

  afterEach(() => http.verify());

  describe('check, at start-up', () => {
    it.each<
      [
        string,
        string | null,
        boolean,
        boolean,
        boolean,
        string | null,
        string | null,
      ]
    >([
      ['no token needed', null, false, true, false, null, null],
      ['a token needed, none kept', null, true, false, true, null, null],
      [
        'a token needed, the kept one works',
        'good-token',
        true,
        true,
        false,
        null,
        'good-token',
      ],
      [
        'a token needed, the kept one refused',
        'old-token',
        true,
        false,
        true,
        'refused',
        null,
      ],
    ])(
      '%s: dialog open %s',
      (_name, kept, required, canWrite, open, problem, tokenAfter) => {
        setUp(kept);
        service.check();
        expect(answer(required, canWrite)).toBe(kept ? `Bearer ${kept}` : null);
        expect(service.tokenRequired()).toBe(required);
        expect({
          open: service.dialogOpen(),
          problem: service.problem(),
        }).toEqual({ open, problem });
        expect(store.token()).toBe(tokenAfter);
      },
    );
  });

  describe('signIn', () => {
    beforeEach(() => setUp());

    it('checks the typed token with the server, keeps it and reconnects the socket', () => {
      service.open();
      service.signIn('  new-token ');
      expect(service.checking()).toBe(true);
      expect(answer(true, true)).toBe('Bearer new-token');
      expect(store.token()).toBe('new-token');
      expect(terminate).toHaveBeenCalled();
      expect(service.dialogOpen()).toBe(false);
      expect(service.checking()).toBe(false);
    });

    it('keeps the dialog open, saying so, when the server does not accept the token', () => {
      service.open();
      service.signIn('wrong-token');
      answer(true, false);
      expect(store.token()).toBeNull();
      expect({
        open: service.dialogOpen(),
        problem: service.problem(),
      }).toEqual({ open: true, problem: 'not-accepted' });
    });

    it('says it could not check the token when the server is unreachable', () => {
      service.signIn('some-token');
      http.expectOne('/graphql').error(new ProgressEvent('error'));
      expect(store.token()).toBeNull();
      expect(service.problem()).toBe('unreachable');
    });

    it('ignores an empty token', () => {
      service.signIn('   ');
      http.expectNone('/graphql');
    });
  });

  describe('unauthenticated, when a request was refused', () => {
    it.each<[string, string | null, boolean, boolean, string | null]>([
      [
        'a sent token: forgotten, a new one asked for',
        'old-token',
        false,
        true,
        'refused',
      ],
      [
        'no token, a write the user asked for: asks for one',
        null,
        true,
        true,
        'needed',
      ],
      [
        'no token, a background subscription: stays quiet',
        null,
        false,
        false,
        null,
      ],
    ])('%s', (_name, token, write, open, problem) => {
      setUp(token);
      service.unauthenticated(write);
      expect(store.token()).toBeNull();
      expect({
        open: service.dialogOpen(),
        problem: service.problem(),
      }).toEqual({ open, problem });
      expect(terminate).toHaveBeenCalledTimes(token ? 1 : 0);
    });
  });
});
