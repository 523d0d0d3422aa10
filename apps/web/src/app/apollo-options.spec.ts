import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DeletePlaylistDocument, UploadLimitsDocument } from '@cmm/api-schema';
import { Apollo, provideApollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from './auth/auth.service';
import { TOKEN_STORAGE } from './auth/auth.tokens';
import { createApolloOptions } from './apollo-options';
import { GRAPHQL_WS_CLIENT } from './auth/graphql-ws-client';

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
        provideHttpClient(),
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
});
