import { buildStoryboardArgs } from './storyboard-args';
import { planStoryboard } from './storyboard-plan';

const head = [
  ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
  ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg', '-f', 'mov', '-i', 'file:/media/p/.work/ab12/storyboard/input.mp4'],
];
const tail = ['-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', '/media/p/.work/ab12/storyboard/storyboard/sprite_%03d.jpg'];

describe('buildStoryboardArgs', () => {
  it.each([
    ['a 20 s landscape clip: every 2 s, one 10 × 1 sheet', 20, 256, 144, "select='gte(t\\,selected_n*2)',scale=160:90,setsar=1,tile=10x1,setpts=N/FRAME_RATE/TB", '1'],
    ['10 min: every 5 s, two 10 × 10 sheets', 600, 256, 144, "select='gte(t\\,selected_n*5)',scale=160:90,setsar=1,tile=10x10,setpts=N/FRAME_RATE/TB", '2'],
    ['a 1 min portrait clip: 90 × 160 thumbnails, 10 × 3', 60, 144, 256, "select='gte(t\\,selected_n*2)',scale=90:160,setsar=1,tile=10x3,setpts=N/FRAME_RATE/TB", '1'],
  ])('%s', (_name, duration, width, height, filters, sheets) => {
    const plan = planStoryboard(duration, width, height);
    expect(buildStoryboardArgs({ inputPath: '/media/p/.work/ab12/storyboard/input.mp4', outputDir: '/media/p/.work/ab12/storyboard/storyboard', plan })).toEqual([
      ...head,
      ...['-map', '0:v:0', '-vf', filters, '-frames:v', sheets],
      ...tail,
    ]);
  });

  it('opens its input only as a local MP4', () => {
    expect(() => buildStoryboardArgs({ inputPath: 'input.mp4', outputDir: '/out', plan: planStoryboard(10, 160, 90) })).toThrow(/absolute path/);
  });
});
