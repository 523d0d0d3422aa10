import { buildSheetsArgs, thumbnailBytes, thumbnailFilter, thumbnailsOutputArgs } from './storyboard-args';
import { fitStoryboard, planStoryboard } from './storyboard-plan';

describe('thumbnailFilter', () => {
  it.each([
    ['a 20 s landscape clip: 10 thumbnails every 2 s', 20, 256, 144, "select='lt(selected_n\\,10)*gte(t\\,selected_n*2)',scale=160:90"],
    ['10 min: 120 every 5 s', 600, 256, 144, "select='lt(selected_n\\,120)*gte(t\\,selected_n*5)',scale=160:90"],
    ['a 1 min portrait clip: 30 of 90 × 160', 60, 144, 256, "select='lt(selected_n\\,30)*gte(t\\,selected_n*2)',scale=90:160"],
  ])('%s', (_name, duration, width, height, middle) => {
    expect(thumbnailFilter(planStoryboard(duration, width, height))).toBe(`setpts=PTS-STARTPTS,${middle},setsar=1,format=yuv420p,setpts=N/FRAME_RATE/TB`);
  });
});

describe('thumbnailsOutputArgs', () => {
  it('writes raw 4:2:0 frames, 1.5 bytes a pixel, to one file', () => {
    expect(thumbnailsOutputArgs('[thumbs]', '/m/p/.work/ab12/storyboard/thumbnails.yuv')).toEqual([
      ...['-map', '[thumbs]', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', '-map_metadata', '-1', '-f', 'rawvideo', '/m/p/.work/ab12/storyboard/thumbnails.yuv'],
    ]);
    expect(thumbnailBytes({ width: 160, height: 90 })).toBe(21_600);
  });
});

describe('buildSheetsArgs', () => {
  const head = ['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-protocol_whitelist', 'file', '-format_whitelist', 'rawvideo', '-f', 'rawvideo'];
  const tail = ['-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', '/w/storyboard/sprite_%03d.jpg'];
  it.each([
    ['10 thumbnails of a 20 s clip: one 10 × 1 sheet', planStoryboard(20, 256, 144), '160x90', 'tile=10x1'],
    ['120 of a 10 min video: 10 × 10 sheets', planStoryboard(600, 256, 144), '160x90', 'tile=10x10'],
    ['7 picked of a 1 min portrait plan: 7 × 1', fitStoryboard(planStoryboard(60, 144, 256), 7), '90x160', 'tile=7x1'],
  ])('%s', (_name, plan, size, tile) => {
    expect(buildSheetsArgs({ thumbnailsPath: '/w/storyboard/thumbnails.yuv', outputDir: '/w/storyboard', plan })).toEqual([
      ...head,
      ...['-pixel_format', 'yuv420p', '-video_size', size, '-framerate', '1', '-i', 'file:/w/storyboard/thumbnails.yuv'],
      ...['-vf', `${tile},setpts=N/FRAME_RATE/TB`],
      ...tail,
    ]);
  });

  it('opens its input only as a local file', () => {
    expect(() => buildSheetsArgs({ thumbnailsPath: 'thumbnails.yuv', outputDir: '/out', plan: planStoryboard(10, 160, 90) })).toThrow(/absolute path/);
  });
});
