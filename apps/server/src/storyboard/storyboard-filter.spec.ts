import { storyboardFilter } from './storyboard-filter';
import { planStoryboard } from './storyboard-plan';

describe('storyboardFilter', () => {
  it.each([
    ['a 20 s landscape clip: 10 thumbnails every 2 s, one 10 × 1 sheet', 20, 256, 144, "select='lt(selected_n\\,10)*gte(t\\,selected_n*2)',scale=160:90,setsar=1,tile=10x1"],
    ['10 min: 120 every 5 s, 10 × 10 sheets', 600, 256, 144, "select='lt(selected_n\\,120)*gte(t\\,selected_n*5)',scale=160:90,setsar=1,tile=10x10"],
    ['a 1 min portrait clip: 90 × 160 thumbnails, 10 × 3', 60, 144, 256, "select='lt(selected_n\\,30)*gte(t\\,selected_n*2)',scale=90:160,setsar=1,tile=10x3"],
  ])('%s', (_name, duration, width, height, middle) => {
    expect(storyboardFilter(planStoryboard(duration, width, height))).toBe(`setpts=PTS-STARTPTS,${middle},setpts=N/FRAME_RATE/TB`);
  });
});
