import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { abrLevels, constantLadder, Ladder, playerOrder } from './ladder';

const fixture: { segmentDuration: number; ladders: Ladder[] } = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/ladders.json'), 'utf8'),
);

describe('ladders', () => {
  it('orders rungs as hls.js does, lowest bitrate first, with both bitrates', () => {
    const ladder = constantLadder(
      'l',
      [
        { height: 720, mbps: 3 },
        { height: 360, mbps: 1 },
      ],
      4,
      1,
    );
    expect(abrLevels(playerOrder(ladder))).toEqual([
      { bitrate: 1e6, averageBitrate: 1e6, width: 640, height: 360 },
      { bitrate: 3e6, averageBitrate: 3e6, width: 1280, height: 720 },
    ]);
  });

  it.each(fixture.ladders.map((l) => [l.name, l] as const))(
    'the committed %s ladder is what the server writes: 1080p to 360p, peak and average from the segments',
    (_name, ladder) => {
      expect(ladder.rungs.map((r) => r.label)).toEqual([
        '1080p',
        '720p',
        '480p',
        '360p',
      ]);
      for (const rung of ladder.rungs) {
        const seconds = rung.segments.reduce((sum, s) => sum + s.duration, 0);
        const bytes = rung.segments.reduce((sum, s) => sum + s.bytes, 0);
        expect(rung.segments.length).toBe(ladder.rungs[0].segments.length);
        expect(rung.averageBandwidth).toBe(Math.ceil((bytes * 8) / seconds));
        expect(rung.bandwidth).toBe(
          Math.ceil(
            Math.max(...rung.segments.map((s) => (s.bytes * 8) / s.duration)),
          ),
        );
      }
    },
  );
});
