import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { ffprobeJson, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningServer, startServer } from './support/server-process';

const PROGRESS = `subscription Progress($id: ID!) {
  processingProgress(playlistId: $id) { playlistId status percent queuePosition speed etaSeconds error rungs { label height percent } }
}`;

const PLAYLIST = `query One($id: ID!) {
  playlist(id: $id) {
    id status error hlsUrl dashUrl posterUrl segmentDuration requestedResolutions skippedResolutions
    source { filename width height duration hasAudio }
    variants { label height width bitrate averageBitrate codecs sizeBytes playlistUrl initUrl segments { index start duration sizeBytes url label } }
  }
}`;

interface Progress {
  status: string;
  percent: number;
  queuePosition: number | null;
  error: string | null;
}

describe('ingest over real HTTP: upload → progress → READY → HLS/DASH', () => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-clips-'));
  let playlistId: string;
  let uploaded: Record<string, unknown>;
  let progress: Progress[];

  beforeAll(async () => {
    server = await startServer();
    const clip = makeClip(join(work, 'Test Clip.mp4'), { seconds: 6, width: 320, height: 240 });
    const { body } = await uploadFile(server.url, clip, { resolutions: [1080, 240, 144], segmentDuration: 2, title: 'E2E clip' });
    expect(body.errors).toBeUndefined();
    uploaded = body.data.uploadVideo;
    playlistId = body.data.uploadVideo.id;
    progress = await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id: playlistId }, (p) => p.status === 'READY' || p.status === 'FAILED');
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('answers the upload at once with QUEUED and the planned ladder', () => {
    expect(uploaded).toMatchObject({
      id: expect.stringMatching(/^test-clip-\d{8}T\d{6}Z-[0-9a-f]{6}$/),
      title: 'E2E clip',
      status: 'QUEUED',
      requestedResolutions: [1080, 240, 144],
      skippedResolutions: [1080],
      source: { width: 320, height: 240, hasAudio: true },
    });
  });

  it('reports the stages in order over the subscription, ending READY at 100 %', () => {
    const statuses = progress.map((p) => p.status).filter((s, i, all) => s !== all[i - 1]);
    const order = ['QUEUED', 'PROBING', 'TRANSCODING', 'PACKAGING', 'READY'];
    expect(statuses.at(-1)).toBe('READY');
    expect(statuses.every((s) => order.includes(s))).toBe(true);
    expect(statuses.map((s) => order.indexOf(s))).toEqual([...statuses.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    expect(progress.at(-1)?.percent).toBe(100);
  });

  it('lists the playlist with its variants and real segment durations', async () => {
    const { data, errors } = await gql(server.url, PLAYLIST, { id: playlistId });
    expect(errors).toBeUndefined();
    const p = data?.['playlist'];
    expect(p.status).toBe('READY');
    expect(p.skippedResolutions).toEqual([1080]);
    expect(p.variants.map((v: { height: number }) => v.height)).toEqual([240, 144]);
    for (const v of p.variants) {
      expect(v.width % 2).toBe(0);
      expect(v.codecs).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/i);
      expect(v.bitrate).toBeGreaterThanOrEqual(v.averageBitrate);
      const total = v.segments.reduce((sum: number, s: { duration: number }) => sum + s.duration, 0);
      expect(total).toBeCloseTo(6, 0);
      expect(v.segments.map((s: { duration: number }) => s.duration)).toEqual([1, 1, 2, 2]);
    }
    const listed = await gql(server.url, `{ playlists(first: 5) { totalCount edges { node { id } } } }`);
    expect(listed.data?.['playlists'].edges.map((e: { node: { id: string } }) => e.node.id)).toContain(playlistId);
  });

  it('pages the segments of a variant: first and offset, at most 1000 at a time, with their count', async () => {
    const query = `query($id: ID!, $first: Int!, $offset: Int!) { playlist(id: $id) { variants { segmentCount segments(first: $first, offset: $offset) { index } } } }`;
    const page = await gql(server.url, query, { id: playlistId, first: 2, offset: 1 });
    expect(page.data?.['playlist'].variants[0]).toEqual({ segmentCount: 4, segments: [{ index: 1 }, { index: 2 }] });
    const tooMany = await gql(server.url, query, { id: playlistId, first: 1001, offset: 0 });
    expect(tooMany.errors?.[0]).toMatchObject({ message: 'first must be between 1 and 1000', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('serves the master playlist and a segment with a Range request', async () => {
    const { data } = await gql(server.url, PLAYLIST, { id: playlistId });
    const p = data?.['playlist'];
    const master = await fetch(server.url + p.hlsUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toContain('mpegurl');
    const text = await master.text();
    expect(text).toContain('#EXT-X-STREAM-INF:');
    expect(text).toMatch(/RESOLUTION=\d+x240/);
    const segment = p.variants[0].segments[1];
    const ranged = await fetch(server.url + segment.url, { headers: { Range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 0-99/${segment.sizeBytes}`);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const mpd = await fetch(server.url + p.dashUrl);
    expect(mpd.headers.get('content-type')).toContain('dash+xml');
    expect(await mpd.text()).toContain('<MPD');
    expect((await fetch(server.url + p.posterUrl)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('publishes only the stream and the poster: the original upload, the catalog record and work files answer 404', async () => {
    const dir = join(server.mediaDir, playlistId);
    const source = readdirSync(join(dir, 'source'))[0];
    for (const path of [`source/${source}`, 'manifest.json', '.work/x', 'stream/../manifest.json', 'stream/%2e%2e/manifest.json']) {
      const res = await fetch(`${server.url}/media/${playlistId}/${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await res.text()).not.toContain(server.mediaDir);
    }
    expect((await fetch(`${server.url}/media/.health`)).status).toBe(404);
  });

  it('lets ffprobe read the HLS master over HTTP with the expected heights and duration', async () => {
    const { data } = await gql(server.url, PLAYLIST, { id: playlistId });
    const probe = ffprobeJson(server.url + data?.['playlist'].hlsUrl);
    const heights = probe.streams.filter((s) => s['codec_type'] === 'video').map((s) => s['height']);
    expect(new Set(heights)).toEqual(new Set([240, 144]));
    expect(Number(probe.format['duration'])).toBeCloseTo(6, 0);
  });

  it('deletes the playlist and its files', async () => {
    const { data } = await gql(server.url, `mutation($id: ID!) { deletePlaylist(id: $id) }`, { id: playlistId });
    expect(data?.['deletePlaylist']).toBe(playlistId);
    expect(readdirSync(server.mediaDir).filter((e) => !e.startsWith('.'))).toEqual([]);
    expect((await gql(server.url, PLAYLIST, { id: playlistId })).data?.['playlist']).toBeNull();
  });
});
