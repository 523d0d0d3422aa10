import { fakeVideo } from './fake-hls';
import type { StartGateDecision } from './start-gate';
import { StartHold, StartStatus } from './start-hold';

const closed: StartGateDecision = {
  open: false,
  reason: 'deficit',
  requiredSeconds: 20,
  holdAtMostSeconds: 100,
};
const opened: StartGateDecision = {
  open: true,
  reason: 'buffer',
  requiredSeconds: 20,
  holdAtMostSeconds: 0,
};

describe('StartHold', () => {
  let statuses: StartStatus[];
  let holds: StartHold[];
  beforeEach(() => {
    statuses = [];
    holds = [];
    jest.useFakeTimers();
  });
  afterEach(() => {
    holds.forEach((h) => h.destroy());
    jest.useRealTimers();
  });

  function setup(playing: boolean) {
    const video = fakeVideo();
    if (!playing) video.pause();
    const hold = new StartHold(video, (s) => statuses.push(s));
    holds.push(hold);
    return { video, hold };
  }

  it.each<[string, boolean, (video: HTMLVideoElement) => void, boolean]>([
    [
      'pauses an element that was to play, and plays it when the gate opens',
      true,
      () => undefined,
      false,
    ],
    [
      'leaves an element nobody played paused when the gate opens',
      false,
      () => undefined,
      true,
    ],
    [
      'keeps a press of play while held, and plays then',
      false,
      (video) => void video.play(),
      false,
    ],
  ])('%s', (_name, playing, meanwhile, pausedAfter) => {
    const { video, hold } = setup(playing);
    hold.apply(closed);
    meanwhile(video);
    expect(video.paused).toBe(true);
    hold.apply(opened);
    expect(video.paused).toBe(pausedAfter);
    expect(statuses).toEqual([
      { held: true, reason: 'deficit', requiredSeconds: 20 },
      { held: false, reason: 'buffer', requiredSeconds: 20 },
    ]);
  });

  it('lets go when the wait cap runs out, then never holds again', () => {
    const { video, hold } = setup(true);
    hold.apply(closed);
    jest.advanceTimersByTime(99_000);
    expect(video.paused).toBe(true);
    jest.advanceTimersByTime(1000);
    expect(video.paused).toBe(false);
    expect(statuses[1]).toEqual({
      held: false,
      reason: 'wait-cap',
      requiredSeconds: 20,
    });
    hold.apply(closed);
    expect(video.paused).toBe(false);
    expect(statuses).toHaveLength(2);
  });
});
