import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';

/** Both builds the server runs with: the pass uses select, scale, tile and setpts, all in the 2018 one too. */
const BUILDS = [
  { name: 'npm ffmpeg (2018 static build)', ffmpeg: require('@ffmpeg-installer/ffmpeg').path as string, ffprobe: require('@ffprobe-installer/ffprobe').path as string },
  { name: 'system ffmpeg (/usr/bin)', ffmpeg: '/usr/bin/ffmpeg', ffprobe: '/usr/bin/ffprobe' },
];

const PROGRESS = `subscription Progress($id: ID!) { processingProgress(playlistId: $id) { status error } }`;
const STORYBOARD = `query One($id: ID!) {
  playlist(id: $id) { status source { duration } storyboard { vttUrl spriteUrls interval count width height columns rows } }
}`;

interface Cue {
  start: number;
  end: number;
  sprite: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const seconds = (t: string) => t.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** A strict reading of the track: a WEBVTT header, then blocks of a timing line and one `sprite#xywh=` line. */
function parseTrack(text: string): Cue[] {
  const [header, ...blocks] = text.trim().split('\n\n');
  expect(header).toBe('WEBVTT');
  return blocks.map((block) => {
    const match = /^(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})\n([\w.]+)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(block);
    if (!match) throw new Error(`not a thumbnail cue: ${JSON.stringify(block)}`);
    const [, start, end, sprite, x, y, w, h] = match;
    return { start: seconds(start), end: seconds(end), sprite, x: Number(x), y: Number(y), w: Number(w), h: Number(h) };
  });
}

describe.each(BUILDS.filter((b) => existsSync(b.ffmpeg) && existsSync(b.ffprobe)))('storyboard previews with $name', ({ ffmpeg, ffprobe }) => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-storyboard-'));
  let playlistId: string;

  beforeAll(async () => {
    server = await startServer({ FFMPEG_PATH: ffmpeg, FFPROBE_PATH: ffprobe });
    const clip = makeClip(join(work, 'board.mp4'), { seconds: 25, width: 320, height: 180 });
    const { body } = await uploadFile(server.url, clip, { resolutions: [240, 144], segmentDuration: 4 });
    expect(body.errors).toBeUndefined();
    playlistId = body.data.uploadVideo.id;
    const progress = await collectSubscription<{ status: string }>(server.wsUrl, PROGRESS, { id: playlistId }, (p) => p.status === 'READY' || p.status === 'FAILED');
    expect(progress.at(-1)?.status).toBe('READY');
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('exposes the storyboard once READY, its track covering the video with tiles inside the sheets', async () => {
    const { data, errors } = await gql(server.url, STORYBOARD, { id: playlistId });
    expect(errors).toBeUndefined();
    const { storyboard, source } = data?.['playlist'] ?? {};
    expect(storyboard).toEqual({
      vttUrl: `/media/${playlistId}/storyboard/thumbnails.vtt`,
      spriteUrls: [`/media/${playlistId}/storyboard/sprite_000.jpg`],
      interval: 2,
      count: 13,
      width: 160,
      height: 90,
      columns: 10,
      rows: 2,
    });

    const track = await fetch(`${server.url}${storyboard.vttUrl}`);
    expect(track.status).toBe(200);
    expect(track.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(track.headers.get('cache-control')).toBe('public, max-age=60');
    const cues = parseTrack(await track.text());
    expect(cues).toHaveLength(storyboard.count);

    // cues run back to back from 0 to the end of the video
    expect(cues[0].start).toBe(0);
    cues.slice(1).forEach((cue, i) => expect(cue.start).toBe(cues[i].end));
    cues.forEach((cue) => expect(cue.end).toBeGreaterThan(cue.start));
    expect(Math.abs(cues[cues.length - 1].end - source.duration)).toBeLessThan(0.1);

    // every tile lies inside its sheet as ffprobe measures it
    const sizes = new Map<string, { width: number; height: number }>();
    for (const url of storyboard.spriteUrls as string[]) {
      const response = await fetch(`${server.url}${url}`);
      expect(response.headers.get('content-type')).toBe('image/jpeg');
      const name = url.slice(url.lastIndexOf('/') + 1);
      const path = join(work, name);
      writeFileSync(path, Buffer.from(await response.arrayBuffer()));
      const [stream] = JSON.parse(execFileSync(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_streams', path], { encoding: 'utf8' })).streams;
      sizes.set(name, { width: stream.width, height: stream.height });
    }
    expect(sizes.get('sprite_000.jpg')).toEqual({ width: 1600, height: 180 });
    for (const cue of cues) {
      const sheet = sizes.get(cue.sprite) ?? { width: 0, height: 0 };
      expect([cue.w, cue.h]).toEqual([storyboard.width, storyboard.height]);
      expect(cue.x + cue.w).toBeLessThanOrEqual(sheet.width);
      expect(cue.y + cue.h).toBeLessThanOrEqual(sheet.height);
    }
  });

  it('logs what it published, before the job is ready', () => {
    const events = server
      .logs()
      .split('\n')
      .filter((line) => line.includes(playlistId))
      .map((line) => JSON.parse(line).message ?? {});
    const published = events.findIndex((e) => e.event === 'storyboard.published');
    expect(events[published]).toMatchObject({ thumbnails: 13, sheets: 1 });
    expect(published).toBeLessThan(events.findIndex((e) => e.event === 'job.ready'));
  });

  it('removes the storyboard with the playlist', async () => {
    const folder = join(server.mediaDir, playlistId, 'storyboard');
    expect(existsSync(join(folder, 'thumbnails.vtt'))).toBe(true);
    const { data } = await gql(server.url, `mutation($id: ID!) { deletePlaylist(id: $id) }`, { id: playlistId });
    expect(data?.['deletePlaylist']).toBe(playlistId);
    expect(existsSync(folder)).toBe(false);
    expect((await fetch(`${server.url}/media/${playlistId}/storyboard/sprite_000.jpg`)).status).toBe(404);
  });
});
