import { startGate, StartGateDecision, StartGateInput } from './start-gate';

// the lowest rung averages 0.5 Mbit/s (its peak is 0.6): the deficit is reckoned on the average
const input = (change: Partial<StartGateInput> = {}): StartGateInput => ({
  levels: [
    { bitrate: 2_400_000, averageBitrate: 2_000_000, width: 1280, height: 720 },
    { bitrate: 600_000, averageBitrate: 500_000, width: 640, height: 360 },
  ],
  bufferAheadSeconds: 4,
  segmentDuration: 4,
  minSegments: 1,
  maxDeficitSeconds: 30,
  maxBufferSeconds: 30,
  remainingSeconds: 20,
  remainingSegments: 5,
  waitedSeconds: 10,
  maxWaitSeconds: 120,
  estimateBps: 1_000_000,
  ttfbSeconds: 0,
  ...change,
});
const open = (reason: StartGateDecision['reason'], requiredSeconds = 4) => ({
  open: true,
  reason,
  requiredSeconds,
  holdAtMostSeconds: 0,
});

describe('startGate', () => {
  it.each<[string, Partial<StartGateInput>, StartGateDecision]>([
    [
      'starts on the first segment when the link carries the lowest rung',
      {},
      open('buffer'),
    ],
    [
      'starts on the first segment of a stream without a known end',
      { remainingSeconds: null, remainingSegments: null, estimateBps: 100_000 },
      open('unknown-duration'),
    ],
    [
      'starts when everything left is buffered',
      { remainingSeconds: 0, remainingSegments: 0, estimateBps: 100_000 },
      open('all-buffered'),
    ],
    [
      'starts as before when nothing is measured',
      { estimateBps: null },
      open('no-estimate'),
    ],
    // 20 s at 0.5 Mbit/s over 0.25 Mbit/s: 40 s to load, 20 s to play, 20 s short
    [
      'holds a link at half the lowest rung until the buffer covers the deficit',
      { estimateBps: 250_000, bufferAheadSeconds: 8 },
      {
        open: false,
        reason: 'deficit',
        requiredSeconds: 20,
        holdAtMostSeconds: 110,
      },
    ],
    [
      'then starts',
      { estimateBps: 250_000, bufferAheadSeconds: 20 },
      open('buffer', 20),
    ],
    // 5 requests of 1 s each on a link that just carries the lowest rung
    [
      'counts a latency per segment still to load',
      { estimateBps: 500_000, ttfbSeconds: 1, bufferAheadSeconds: 4.9 },
      {
        open: false,
        reason: 'deficit',
        requiredSeconds: 5,
        holdAtMostSeconds: 110,
      },
    ],
    // after a lead-in of 1 s segments the rest are long: 2 requests, not the 20 one-second ones
    [
      'counts the segments left, not the length of the one just loaded',
      { estimateBps: 500_000, ttfbSeconds: 1, segmentDuration: 1, remainingSegments: 2, bufferAheadSeconds: 2 },
      open('buffer', 2),
    ],
    // 56 s over 0.1 Mbit/s: 224 s short, more than the player ever buffers
    [
      'asks for no more than the player buffers',
      { estimateBps: 100_000, remainingSeconds: 56, remainingSegments: 14, bufferAheadSeconds: 30 },
      open('buffer', 30),
    ],
    [
      'never asks for less than a segment',
      { estimateBps: 10_000_000, segmentDuration: 6, bufferAheadSeconds: 4 },
      {
        open: false,
        reason: 'min-buffer',
        requiredSeconds: 6,
        holdAtMostSeconds: 110,
      },
    ],
    [
      'holds for the segments it always waits for, though the link carries the lowest rung',
      { minSegments: 2 },
      {
        open: false,
        reason: 'min-buffer',
        requiredSeconds: 8,
        holdAtMostSeconds: 110,
      },
    ],
    ['then starts', { minSegments: 2, bufferAheadSeconds: 8 }, open('buffer', 8)],
    [
      'asks for the deficit when it is more',
      { minSegments: 2, estimateBps: 250_000, bufferAheadSeconds: 8 },
      {
        open: false,
        reason: 'deficit',
        requiredSeconds: 20,
        holdAtMostSeconds: 110,
      },
    ],
    // the lead-in's 1 s segments, 3.5 s on average: the 20 s short is covered as far as 3.5 s
    [
      'covers a deficit only as far as one typical segment',
      { minSegments: 2, segmentDuration: 1, maxDeficitSeconds: 3.5, estimateBps: 250_000, bufferAheadSeconds: 2 },
      {
        open: false,
        reason: 'deficit',
        requiredSeconds: 3.5,
        holdAtMostSeconds: 110,
      },
    ],
    [
      'then starts, leaving the rest of the deficit to the controller',
      { minSegments: 2, segmentDuration: 1, maxDeficitSeconds: 3.5, estimateBps: 250_000, bufferAheadSeconds: 4 },
      open('buffer', 3.5),
    ],
    [
      'still holds for the segments it always waits for when they are more',
      { minSegments: 2, maxDeficitSeconds: 3.5, estimateBps: 250_000, bufferAheadSeconds: 4 },
      {
        open: false,
        reason: 'deficit',
        requiredSeconds: 8,
        holdAtMostSeconds: 110,
      },
    ],
    [
      'starts on the first segment of a stream without a known end, whatever it always waits for',
      { minSegments: 2, remainingSeconds: null, remainingSegments: null },
      open('unknown-duration'),
    ],
    [
      'starts once it has held as long as allowed',
      { estimateBps: 250_000, bufferAheadSeconds: 8, waitedSeconds: 120 },
      open('wait-cap', 20),
    ],
  ])('%s', (_name, change, expected) => {
    expect(startGate(input(change))).toEqual(expected);
  });
});
