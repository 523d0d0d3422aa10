import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import {
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { firstValueFrom } from 'rxjs';
import {
  captionFixture,
  playlistCaptionsFixture,
} from '../../testing/caption-fixtures';
import { CaptionsService, captionErrors } from './captions.service';

describe('CaptionsService', () => {
  let service: CaptionsService;
  let apollo: ApolloTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [ApolloTestingModule] });
    service = TestBed.inject(CaptionsService);
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  it('adds a caption as a multipart request with its file, and hands back the playlist’s captions', async () => {
    const file = new File(['1\n00:00:01,000 --> 00:00:02,000\nHi\n'], 'en.srt');
    const added = firstValueFrom(
      service.add({ playlistId: 'p1', language: 'en', label: 'English', file }),
    );
    const op = apollo.expectOne('AddCaption');
    expect(op.operation.variables).toEqual({
      playlistId: 'p1',
      language: 'en',
      label: 'English',
      file,
    });
    expect(op.operation.getContext()).toMatchObject({
      useMultipart: true,
      headers: { 'apollo-require-preflight': 'true' },
    });
    op.flushData({
      addCaption: playlistCaptionsFixture('p1', [
        captionFixture('p1', 'en', 'English'),
      ]),
    });
    expect((await added).captions.map((c) => c.url)).toEqual([
      '/media/p1/stream/captions/en.vtt',
    ]);
  });

  it('removes a caption by language', async () => {
    const removed = firstValueFrom(service.remove('p1', 'pt-BR'));
    const op = apollo.expectOne('RemoveCaption');
    expect(op.operation.variables).toEqual({
      playlistId: 'p1',
      language: 'pt-BR',
    });
    op.flushData({ removeCaption: playlistCaptionsFixture('p1') });
    expect((await removed).captions).toEqual([]);
  });

  it('fails with the server’s errors, which captionErrors places by field', async () => {
    const added = firstValueFrom(
      service.add({
        playlistId: 'p1',
        language: 'en',
        label: 'English',
        file: new File(['nope'], 'en.srt'),
      }),
    );
    apollo.expectOne('AddCaption').graphqlErrors([
      new GraphQLError('The file has no cue', {
        extensions: { code: 'BAD_USER_INPUT', field: 'file' },
      }),
    ]);
    const error = await added.catch((e: unknown) => e);
    expect(captionErrors(error)).toEqual({
      fieldErrors: { file: 'The file has no cue' },
      general: null,
    });
  });
});

describe('captionErrors', () => {
  const badInput = (field: string, message: string) =>
    new CombinedGraphQLErrors({
      errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
    });
  it.each<[string, unknown, ReturnType<typeof captionErrors>]>([
    [
      'a bad language tag, next to the language',
      badInput('language', '"english" is not a BCP 47 language tag'),
      {
        fieldErrors: { language: '"english" is not a BCP 47 language tag' },
        general: null,
      },
    ],
    [
      'a playlist that is not READY, as a general message',
      badInput('playlistId', 'The playlist is not READY yet'),
      { fieldErrors: {}, general: 'The playlist is not READY yet' },
    ],
    [
      'a refusal before GraphQL (HTTP 401), from its body',
      new ServerError('Response not successful: Received status code 401', {
        response: { status: 401 } as Response,
        bodyText: JSON.stringify({
          errors: [
            {
              message: 'This server accepts writes only with an API token',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        }),
      }),
      {
        fieldErrors: {},
        general: 'This server accepts writes only with an API token',
      },
    ],
    [
      'a network failure',
      new Error('Http failure response: 0 Unknown Error'),
      { fieldErrors: {}, general: 'Http failure response: 0 Unknown Error' },
    ],
  ])('%s', (_name, error, sorted) => {
    expect(captionErrors(error)).toEqual(sorted);
  });
});
