import { fitStoryboard, MAX_THUMBNAILS, planStoryboard, StoryboardPlan, thumbnailCell } from './storyboard-plan';

describe('planStoryboard', () => {
  it.each<[string, number, number, number, StoryboardPlan]>([
    ['a 20 s clip: every 2 s, one row of 10', 20, 256, 144, { interval: 2, count: 10, width: 160, height: 90, columns: 10, rows: 1, sheets: 1 }],
    ['a 3 s clip: two thumbnails side by side', 3, 320, 240, { interval: 2, count: 2, width: 160, height: 120, columns: 2, rows: 1, sheets: 1 }],
    ['a clip shorter than a frame margin past 0 still has one thumbnail', 0.5, 320, 240, { interval: 2, count: 1, width: 160, height: 120, columns: 1, rows: 1, sheets: 1 }],
    ['a clip ending just past an instant has no thumbnail there', 20.02, 256, 144, { interval: 2, count: 10, width: 160, height: 90, columns: 10, rows: 1, sheets: 1 }],
    ['6 min 40 s at 2 s fills exactly two sheets', 400, 256, 144, { interval: 2, count: 200, width: 160, height: 90, columns: 10, rows: 10, sheets: 2 }],
    ['10 min: every 5 s, 120 thumbnails on two sheets', 600, 256, 144, { interval: 5, count: 120, width: 160, height: 90, columns: 10, rows: 10, sheets: 2 }],
    ['4 h: every 2 min', 14_400, 256, 144, { interval: 120, count: 120, width: 160, height: 90, columns: 10, rows: 10, sheets: 2 }],
    ['2 days: every 10 min, at most 200 however long', 172_800, 256, 144, { interval: 600, count: MAX_THUMBNAILS, width: 160, height: 90, columns: 10, rows: 10, sheets: 2 }],
    ['portrait video fits the 160 px box by its height', 60, 144, 256, { interval: 2, count: 30, width: 90, height: 160, columns: 10, rows: 3, sheets: 1 }],
    ['a picture smaller than the box is not enlarged', 10, 128, 96, { interval: 2, count: 5, width: 128, height: 96, columns: 5, rows: 1, sheets: 1 }],
    ['an odd size rounds to even', 10, 426, 240, { interval: 2, count: 5, width: 160, height: 90, columns: 5, rows: 1, sheets: 1 }],
  ])('%s', (_name, duration, width, height, plan) => {
    expect(planStoryboard(duration, width, height)).toEqual(plan);
  });
});

describe('thumbnailCell', () => {
  const plan = planStoryboard(600, 256, 144);
  it.each([
    [0, { sheet: 0, x: 0, y: 0 }],
    [9, { sheet: 0, x: 1440, y: 0 }],
    [10, { sheet: 0, x: 0, y: 90 }],
    [99, { sheet: 0, x: 1440, y: 810 }],
    [100, { sheet: 1, x: 0, y: 0 }],
    [119, { sheet: 1, x: 1440, y: 90 }],
  ])('thumbnail %i is on sheet %j', (index, cell) => {
    expect(thumbnailCell(plan, index)).toEqual(cell);
  });
});

describe('fitStoryboard', () => {
  it.each<[string, [number, number, number], number, Partial<StoryboardPlan>]>([
    ['every planned instant picked: the plan as it was', [20, 256, 144], 10, {}],
    ['more picked than planned (it cannot be): no more than planned', [20, 256, 144], 12, {}],
    ['a 21 s plan whose video ended after 16 s: 9 thumbnails in one row', [21, 256, 144], 9, { count: 9, columns: 9, rows: 1, sheets: 1 }],
    ['a 10 min plan whose video ended after 8 min: one full sheet less a row', [600, 256, 144], 96, { count: 96, columns: 10, rows: 10, sheets: 1 }],
    ['a single thumbnail', [20, 256, 144], 1, { count: 1, columns: 1, rows: 1, sheets: 1 }],
  ])('%s', (_name, [duration, width, height], picked, fitted) => {
    const plan = planStoryboard(duration, width, height);
    expect(fitStoryboard(plan, picked)).toEqual({ ...plan, ...fitted });
  });
});
