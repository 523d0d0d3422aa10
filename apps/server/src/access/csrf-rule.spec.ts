import { isPreflighted, mediaTypeOf } from './csrf-rule';

describe('isPreflighted', () => {
  it.each<[string, Record<string, string | undefined>, boolean]>([
    ['a multipart upload with apollo-require-preflight', { 'content-type': 'multipart/form-data; boundary=x', 'apollo-require-preflight': 'true' }, true],
    ['a multipart upload with x-apollo-operation-name', { 'content-type': 'multipart/form-data; boundary=x', 'x-apollo-operation-name': 'UploadVideo' }, true],
    ['JSON', { 'content-type': 'application/json' }, true],
    ['a plain multipart form post', { 'content-type': 'multipart/form-data; boundary=x' }, false],
    ['a multipart post with an empty preflight header', { 'content-type': 'multipart/form-data', 'apollo-require-preflight': ' ' }, false],
    ['MULTIPART in capitals', { 'content-type': 'Multipart/Form-Data; boundary=x' }, false],
    ['text/plain', { 'content-type': 'text/plain' }, false],
    ['a urlencoded form', { 'content-type': 'application/x-www-form-urlencoded' }, false],
    ['no content type', {}, false],
  ])('%s → %s', (_name, headers, expected) => {
    expect(isPreflighted(headers)).toBe(expected);
  });
});

describe('mediaTypeOf', () => {
  it.each<[string | undefined, string]>([
    ['multipart/form-data; boundary=----x', 'multipart/form-data'],
    [' Application/JSON ', 'application/json'],
    [undefined, ''],
  ])('%j → %j', (contentType, expected) => {
    expect(mediaTypeOf({ 'content-type': contentType })).toBe(expected);
  });
});
