import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  AddCaptionDocument,
  DeletePlaylistDocument,
  UploadLimitsDocument,
} from '@cmm/api-schema';
import { Apollo, provideApollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthTokenStore } from './auth/auth-token.store';
import { authInterceptor } from './auth/auth.interceptor';
import { AuthService } from './auth/auth.service';
import { TOKEN_STORAGE } from './auth/auth.tokens';
import { createApolloOptions } from './apollo-options';
import { GRAPHQL_WS_CLIENT } from './auth/graphql-ws-client';
import { MULTIPART_CONTEXT } from './core/multipart';

const UNAUTHENTICATED_BODY = {
  errors: [
    {
      message: 'This server accepts writes only with an API token',
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
};

describe('createApolloOptions', () => {
  let apollo: Apollo;
  let http: HttpTestingController;
  let auth: AuthService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideApollo(createApolloOptions),
        { provide: TOKEN_STORAGE, useValue: null },
        { provide: GRAPHQL_WS_CLIENT, useValue: { terminate: jest.fn() } },
      ],
    });
    apollo = TestBed.inject(Apollo);
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => http.verify());

  it('sends the user to sign in when a mutation is refused with 401, and still fails the mutation', async () => {
    const result = firstValueFrom(
      apollo.mutate({
        mutation: DeletePlaylistDocument,
        variables: { id: 'x' },
      }),
    );
    http
      .expectOne('/graphql')
      .flush(UNAUTHENTICATED_BODY, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toThrow(/401/);
    expect({ open: auth.dialogOpen(), problem: auth.problem() }).toEqual({
      open: true,
      problem: 'needed',
    });
  });

  it('leaves the dialog alone for other failures', async () => {
    const result = firstValueFrom(
      apollo.query({ query: UploadLimitsDocument }),
    );
    http
      .expectOne('/graphql')
      .flush(
        {
          errors: [
            {
              message: 'Query cost 900 exceeds the limit',
              extensions: { code: 'QUERY_TOO_COSTLY' },
            },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await expect(result).rejects.toThrow();
    expect(auth.dialogOpen()).toBe(false);
  });

  it('sends an operation with files as a GraphQL multipart request when asked to, with the token', async () => {
    TestBed.inject(AuthTokenStore).save('token-0123456789abcdef');
    const file = new File(['WEBVTT\n'], 'en.vtt');
    const result = firstValueFrom(
      apollo.mutate({
        mutation: AddCaptionDocument,
        variables: { playlistId: 'p1', language: 'en', label: 'English', file },
        context: MULTIPART_CONTEXT,
      }),
    );
    const req = http.expectOne('/graphql');
    expect(req.request.headers.get('apollo-require-preflight')).toBe('true');
    expect(req.request.headers.get('Authorization')).toBe(
      'Bearer token-0123456789abcdef',
    );
    const form = req.request.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const operations = JSON.parse(form.get('operations') as string);
    expect(operations).toMatchObject({
      operationName: 'AddCaption',
      variables: { playlistId: 'p1', file: null },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({
      1: ['variables.file'],
    });
    expect((form.get('1') as File).name).toBe('en.vtt');
    req.flush({
      data: {
        addCaption: {
          __typename: 'Playlist',
          id: 'p1',
          status: 'READY',
          captions: [],
          skippedSubtitles: [],
        },
      },
    });
    expect((await result).data?.addCaption.id).toBe('p1');
  });

  it('sends the user to sign in when a multipart write is refused before GraphQL (401)', async () => {
    const result = firstValueFrom(
      apollo.mutate({
        mutation: AddCaptionDocument,
        variables: {
          playlistId: 'p1',
          language: 'en',
          label: 'English',
          file: new File(['WEBVTT\n'], 'en.vtt'),
        },
        context: MULTIPART_CONTEXT,
      }),
    );
    http
      .expectOne('/graphql')
      .flush(UNAUTHENTICATED_BODY, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toThrow(/401/);
    expect(auth.problem()).toBe('needed');
  });
});
