import { checkCaptionLabel } from './caption-label';

describe('checkCaptionLabel', () => {
  it.each([
    ['English', 'English'],
    ['  Français (SDH) ', 'Français (SDH)'],
    ['日本語', '日本語'],
    ['x'.repeat(64), 'x'.repeat(64)],
  ])('accepts %j as %j', (label, trimmed) => {
    expect(checkCaptionLabel(label)).toEqual({ label: trimmed });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(65), /at most 64 characters/],
    ['Say "hi"', /double quotes/],
    ['two\nlines', /control characters/],
    ['bell\u0007', /control characters/],
  ])('refuses %j', (label, message) => {
    expect((checkCaptionLabel(label) as { error: string }).error).toMatch(message);
  });
});
