import { maxrateFor, planLadder } from './ladder-planner';

const sizes = (display: { width: number; height: number }, requested: number[]) =>
  planLadder(display, requested).rungs.map((r) => `${r.width}x${r.height}`);

describe('planLadder', () => {
  it.each([
    ['a 1080p source keeps what was asked and its own height', { width: 1920, height: 1080 }, [1080, 720, 480, 360], ['1920x1080', '1280x720', '854x480', '640x360'], []],
    ['a 720p source skips 1080 and keeps the rest', { width: 1280, height: 720 }, [1080, 720, 480, 360], ['1280x720', '854x480', '640x360'], [1080]],
    ['a 320x240 source adds its own height under the skipped requests', { width: 320, height: 240 }, [1080, 720, 144], ['320x240', '192x144'], [1080, 720]],
    ['odd 321x241 rounds its own rung down to even, never upscaling', { width: 321, height: 241 }, [240, 144], ['320x240', '192x144'], []],
    ['an odd height not in the table becomes its own rung', { width: 854, height: 477 }, [720, 360], ['852x476', '644x360'], [720]],
    ['a rotated portrait source is planned by its display size', { width: 240, height: 320 }, [240, 144], ['240x320', '180x240', '108x144'], []],
    ['anamorphic 720x576 at 16:9 display uses the display width', { width: 1024, height: 576 }, [480], ['1024x576', '854x480'], []],
    ['duplicates and unsorted requests are tidied', { width: 1920, height: 1080 }, [360, 720, 360, 2160], ['1920x1080', '1280x720', '640x360'], [2160]],
    ['a tiny source still gets a 2-pixel-minimum even width', { width: 2, height: 100 }, [144], ['2x100'], [144]],
  ])('%s', (_name, display, requested, expected, skipped) => {
    expect(sizes(display, requested)).toEqual(expected);
    expect(planLadder(display, requested).skipped).toEqual(skipped);
  });

  it('labels rungs by height and sets capped-CRF rates with a double-size buffer', () => {
    expect(planLadder({ width: 1920, height: 1080 }, [720, 240]).rungs).toEqual([
      { label: '1080p', height: 1080, width: 1920, crf: 23, maxrateKbps: 5000, bufsizeKbps: 10000, audioKbps: 128 },
      { label: '720p', height: 720, width: 1280, crf: 22, maxrateKbps: 2800, bufsizeKbps: 5600, audioKbps: 128 },
      { label: '240p', height: 240, width: 426, crf: 21, maxrateKbps: 400, bufsizeKbps: 800, audioKbps: 64 },
    ]);
  });
});

describe('maxrateFor', () => {
  it.each([
    [144, 200],
    [720, 2800],
    [2160, 14000],
    // halfway in pixel count between 480p (1400k) and 720p (2800k)
    [612, 2101],
    [600, 2030],
    // below and above the table scale with pixel count
    [72, 50],
    [4320, 56000],
  ])('%ip peaks at %i kbps', (height, kbps) => {
    expect(maxrateFor(height)).toBe(kbps);
  });
});
