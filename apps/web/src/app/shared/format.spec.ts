import {
  avatarLetter,
  clampPercent,
  formatBitrate,
  formatBytes,
  formatDuration,
  statusBadge,
} from './format';

describe('format', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
    [150 * 1024 * 1024, '150 MB'],
    [null, '–'],
    [-1, '–'],
  ])('formats %p bytes as %p', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it.each([
    [0, '0:00'],
    [6.02, '0:06'],
    [65, '1:05'],
    [3725, '1:02:05'],
    [undefined, '–'],
  ])('formats %p seconds as %p', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    [800_000, '800 kbps'],
    [2_500_000, '2.5 Mbps'],
    [null, '–'],
  ])('formats %p bit/s as %p', (bps, text) => {
    expect(formatBitrate(bps)).toBe(text);
  });

  it.each([
    ['QUEUED', 0, 'queued', 'queued'],
    ['PROBING', 3.4, 'processing', 'processing 3%'],
    ['TRANSCODING', 42.6, 'processing', 'processing 43%'],
    ['PACKAGING', 120, 'processing', 'processing 100%'],
    ['READY', 100, 'ready', 'ready'],
    ['FAILED', 10, 'failed', 'failed'],
  ] as const)(
    'shows %s at %p%% as a %s badge reading "%s"',
    (status, percent, tone, text) => {
      expect(statusBadge(status, percent)).toEqual({ tone, text });
    },
  );

  it('clamps missing percent to 0', () => {
    expect(clampPercent(null)).toBe(0);
  });

  it.each([
    ['big buck bunny', 'B'],
    ['  42 things', '4'],
    ['ébène', 'É'],
    ['---', '?'],
  ])('uses the first letter of %p as avatar', (title, letter) => {
    expect(avatarLetter(title)).toBe(letter);
  });
});
