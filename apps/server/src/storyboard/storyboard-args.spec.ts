import { storyboardFilters, storyboardOutputArgs } from './storyboard-args';
import { planStoryboard } from './storyboard-plan';

describe('storyboardFilters', () => {
  it.each([
    ['a 20 s landscape clip: every 2 s, one 10 × 1 sheet', 20, 1920, 1080, '', ["select='gte(t\\,selected_n*2)*lt(selected_n\\,10)'", 'scale=160:90', 'setsar=1', 'tile=10x1', 'setpts=N/FRAME_RATE/TB']],
    ['10 min: every 5 s, 120 thumbnails on two 10 × 10 sheets', 600, 1280, 720, '', ["select='gte(t\\,selected_n*5)*lt(selected_n\\,120)'", 'scale=160:90', 'setsar=1', 'tile=10x10', 'setpts=N/FRAME_RATE/TB']],
    ['a 1 min portrait clip: 90 × 160 thumbnails, 10 × 3', 60, 1080, 1920, '', ["select='gte(t\\,selected_n*2)*lt(selected_n\\,30)'", 'scale=90:160', 'setsar=1', 'tile=10x3', 'setpts=N/FRAME_RATE/TB']],
    ['a full-range source: its range passed to the scale', 20, 1920, 1080, ':in_range=pc', ["select='gte(t\\,selected_n*2)*lt(selected_n\\,10)'", 'scale=160:90:in_range=pc', 'setsar=1', 'tile=10x1', 'setpts=N/FRAME_RATE/TB']],
  ])('%s', (_name, duration, width, height, scaleOptions, filters) => {
    expect(storyboardFilters(planStoryboard(duration, width, height), scaleOptions)).toEqual(filters);
  });
});

describe('storyboardOutputArgs', () => {
  it('writes numbered JPEG sheets from sprite_000.jpg', () => {
    expect(storyboardOutputArgs('/media/p/.work/ab12/storyboard')).toEqual(['-c:v', 'mjpeg', '-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', '/media/p/.work/ab12/storyboard/sprite_%03d.jpg']);
  });
});
