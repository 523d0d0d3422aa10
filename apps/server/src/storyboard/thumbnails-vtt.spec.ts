import { planStoryboard } from './storyboard-plan';
import { vttTimestamp, writeThumbnailsVtt } from './thumbnails-vtt';

describe('vttTimestamp', () => {
  it.each([
    [0, '00:00:00.000'],
    [2, '00:00:02.000'],
    [59.9996, '00:01:00.000'],
    [61.25, '00:01:01.250'],
    [3_600, '01:00:00.000'],
    [14_399.5, '03:59:59.500'],
  ])('%d s is %s', (seconds, text) => {
    expect(vttTimestamp(seconds)).toBe(text);
  });
});

describe('writeThumbnailsVtt', () => {
  it.each([
    [
      'a 5 s clip: cues back to back, the last to the end of the video',
      5,
      256,
      144,
      [
        'WEBVTT',
        '',
        '00:00:00.000 --> 00:00:02.000',
        'sprite_000.jpg#xywh=0,0,160,90',
        '',
        '00:00:02.000 --> 00:00:04.000',
        'sprite_000.jpg#xywh=160,0,160,90',
        '',
        '00:00:04.000 --> 00:00:05.000',
        'sprite_000.jpg#xywh=320,0,160,90',
        '',
      ],
    ],
    [
      'a 3.5 s portrait clip',
      3.5,
      144,
      256,
      ['WEBVTT', '', '00:00:00.000 --> 00:00:02.000', 'sprite_000.jpg#xywh=0,0,90,160', '', '00:00:02.000 --> 00:00:03.500', 'sprite_000.jpg#xywh=90,0,90,160', ''],
    ],
  ])('%s', (_name, duration, width, height, lines) => {
    expect(writeThumbnailsVtt(planStoryboard(duration, width, height), duration)).toBe(lines.join('\n'));
  });

  it('moves to the next sheet after 100 thumbnails, each cue inside its sheet', () => {
    const plan = planStoryboard(600, 256, 144);
    const cues = writeThumbnailsVtt(plan, 600).split('\n\n').slice(1);
    expect(cues).toHaveLength(120);
    expect(cues[99]).toBe('00:08:15.000 --> 00:08:20.000\nsprite_000.jpg#xywh=1440,810,160,90');
    expect(cues[100]).toBe('00:08:20.000 --> 00:08:25.000\nsprite_001.jpg#xywh=0,0,160,90');
    expect(cues[119]).toBe('00:09:55.000 --> 00:10:00.000\nsprite_001.jpg#xywh=1440,90,160,90\n');
  });
});
