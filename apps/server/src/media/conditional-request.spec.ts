import { entityTag, isNotModified, rangeApplies } from './conditional-request';

const file = { size: 1000, modifiedAt: new Date('2026-11-24T06:00:00.250Z') };
const tag = entityTag(file);
const lastModified = file.modifiedAt.toUTCString();

describe('entityTag', () => {
  it('is a strong tag of size and mtime', () => {
    expect(tag).toBe(`"3e8-${file.modifiedAt.getTime().toString(16)}"`);
  });

  it.each([
    [{ size: 1001, modifiedAt: file.modifiedAt }],
    [{ size: 1000, modifiedAt: new Date(file.modifiedAt.getTime() + 1) }],
  ])('changes when the file does: %j', (other) => {
    expect(entityTag(other)).not.toBe(tag);
  });
});

describe('isNotModified', () => {
  it.each<[string, { ifNoneMatch?: string; ifModifiedSince?: string }, boolean]>([
    ['no validators', {}, false],
    ['the current tag', { ifNoneMatch: tag }, true],
    ['the current tag, weak', { ifNoneMatch: `W/${tag}` }, true],
    ['the current tag in a list', { ifNoneMatch: `"old", ${tag}` }, true],
    ['any tag', { ifNoneMatch: '*' }, true],
    ['an old tag', { ifNoneMatch: '"old"' }, false],
    ['the mtime', { ifModifiedSince: lastModified }, true],
    ['a later date', { ifModifiedSince: new Date('2026-11-25T00:00:00Z').toUTCString() }, true],
    ['an earlier date', { ifModifiedSince: new Date('2026-11-23T00:00:00Z').toUTCString() }, false],
    ['an unreadable date', { ifModifiedSince: 'yesterday' }, false],
    ['an old tag with a current date (the tag wins)', { ifNoneMatch: '"old"', ifModifiedSince: lastModified }, false],
  ])('%s', (_name, headers, expected) => {
    expect(isNotModified(headers, file)).toBe(expected);
  });
});

describe('rangeApplies', () => {
  it.each<[string, string | undefined, boolean]>([
    ['no If-Range', undefined, true],
    ['the current tag', tag, true],
    ['the current tag, weak (never matches strongly)', `W/${tag}`, false],
    ['an old tag', '"old"', false],
    ['the exact Last-Modified', lastModified, true],
    ['another date', new Date('2026-11-23T00:00:00Z').toUTCString(), false],
    ['garbage', 'soon', false],
  ])('%s', (_name, ifRange, expected) => {
    expect(rangeApplies(ifRange, file)).toBe(expected);
  });
});
