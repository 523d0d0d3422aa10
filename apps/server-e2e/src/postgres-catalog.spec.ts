import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { startPostgres, TestPostgres } from '@cmm/test-services';
import { gql, uploadFile } from './support/graphql-client';
import { RunningServer, runServerCommand, startServer } from './support/server-process';

const PLAYLIST = `query One($id: ID!) {
  playlist(id: $id) { id title status error createdAt hlsUrl dashUrl posterUrl source { filename duration } variants { label playlistUrl segments { url } } }
}`;
const LIST = `query List($first: Int, $after: String) { playlists(first: $first, after: $after) { edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } totalCount } }`;
const DELETE = `mutation($id: ID!) { deletePlaylist(id: $id) }`;

const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-pg-'));
const clip = (name: string) => makeClip(join(work, name), { seconds: 2, width: 320, height: 240 });

async function upload(url: string, name: string): Promise<string> {
  const { body } = await uploadFile(url, clip(name), { resolutions: [144], segmentDuration: 2 });
  expect(body.errors).toBeUndefined();
  return body.data.uploadVideo.id as string;
}

/** Polls until the playlist is READY (or fails the test if it FAILED). */
async function ready(url: string, id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const { data } = await gql(url, PLAYLIST, { id });
    if (data?.playlist?.status === 'READY') return data.playlist;
    if (data?.playlist?.status === 'FAILED') throw new Error(`playlist ${id} failed: ${data.playlist.error}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Playlist folders in a media folder (hidden ones are the server's own). */
const playlistFolders = (mediaDir: string) => readdirSync(mediaDir).filter((name) => !name.startsWith('.'));

async function rowOf(databaseUrl: string, id: string): Promise<{ status: string; manifest: Record<string, unknown> } | undefined> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query('select status, manifest from playlists where id = $1', [id])).rows[0];
  } finally {
    await client.end();
  }
}

describe('the PostgreSQL catalog, through the built server', () => {
  let postgres: TestPostgres;
  const servers: RunningServer[] = [];
  const start = async (env: Record<string, string>, mediaDir?: string) => {
    const server = await startServer(env, mediaDir);
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    // an instance of our own: the last test stops it
    postgres = await startPostgres({ own: true });
  }, 120_000);

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  afterAll(async () => {
    await postgres?.close();
  });

  it('uploads, lists, plays, deletes, and still lists after a restart', async () => {
    const server = await start({ DATABASE_URL: postgres.url });
    const first = await upload(server.url, 'First clip.mp4');
    const second = await upload(server.url, 'Second clip.mp4');
    await ready(server.url, first);
    const played = await ready(server.url, second);

    const listed = await gql(server.url, LIST, { first: 10 });
    expect(listed.data?.playlists).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { id: second, status: 'READY' } }, { node: { id: first, status: 'READY' } }] });
    const paged = await gql(server.url, LIST, { first: 1, after: listed.data?.playlists.edges[0].cursor });
    expect(paged.data?.playlists).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, edges: [{ node: { id: first } }] });

    const master = await fetch(`${server.url}${played['hlsUrl']}`);
    expect(master.status).toBe(200);
    expect(await master.text()).toMatch(/^#EXTM3U/);
    const variant = (played['variants'] as { playlistUrl: string; segments: { url: string }[] }[])[0];
    expect((await fetch(`${server.url}${variant.playlistUrl}`)).status).toBe(200);
    expect((await fetch(`${server.url}${variant.segments[0].url}`)).status).toBe(200);

    // the row and manifest.json beside the playlist agree
    const row = await rowOf(postgres.url, second);
    expect(row?.status).toBe('READY');
    expect(JSON.parse(readFileSync(join(server.mediaDir, second, 'manifest.json'), 'utf8'))).toEqual(row?.manifest);

    expect((await gql(server.url, DELETE, { id: first })).data).toEqual({ deletePlaylist: first });
    expect(playlistFolders(server.mediaDir)).toEqual([second]);
    expect(await rowOf(postgres.url, first)).toBeUndefined();

    await server.stop();
    const restarted = await start({ DATABASE_URL: postgres.url }, server.mediaDir);
    expect((await gql(restarted.url, LIST, { first: 10 })).data?.playlists).toMatchObject({ totalCount: 1, edges: [{ node: { id: second, status: 'READY' } }] });
    expect((await gql(restarted.url, PLAYLIST, { id: second })).data?.playlist).toEqual(played);
  });

  it('imports a media folder the embedded catalog made, and a second run changes nothing', async () => {
    const embedded = await start({});
    const id = await upload(embedded.url, 'Imported clip.mp4');
    const before = await ready(embedded.url, id);
    await embedded.stop();

    const databaseUrl = await postgres.createDatabase();
    const env = { DATABASE_URL: databaseUrl, MEDIA_DIR: embedded.mediaDir };
    const once = await runServerCommand(['import-catalog'], env);
    expect(once).toMatchObject({ code: 0, output: expect.stringContaining(`1 playlists found in ${embedded.mediaDir}: 1 imported, 0 already in the database, 0 unreadable`) });
    const twice = await runServerCommand(['import-catalog'], env);
    expect(twice).toMatchObject({ code: 0, output: expect.stringContaining('1 playlists found') });
    expect(twice.output).toContain('0 imported, 1 already in the database, 0 unreadable');

    const server = await start({ DATABASE_URL: databaseUrl }, embedded.mediaDir);
    expect((await gql(server.url, PLAYLIST, { id })).data?.playlist).toEqual(before);
    expect((await gql(server.url, LIST, { first: 10 })).data?.playlists.totalCount).toBe(1);
  });

  it('refuses to import without DATABASE_URL, saying so', async () => {
    const { code, output } = await runServerCommand(['import-catalog'], { MEDIA_DIR: work });
    expect(code).toBe(1);
    expect(output).toContain('import-catalog needs DATABASE_URL');
  });

  // stops the instance: the last test of the file
  it('answers SERVICE_UNAVAILABLE while the database is down, names it in /health, and recovers without a restart', async () => {
    const server = await start({ DATABASE_URL: postgres.url });
    await postgres.stop();

    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', mediaWritable: true, database: 'down', down: ['database'] });

    const { status, body } = await uploadFile(server.url, clip('During the outage.mp4'), { resolutions: [144], segmentDuration: 2 });
    expect(status).toBe(503);
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/database is unavailable/), extensions: { code: 'SERVICE_UNAVAILABLE', dependency: 'database' } });
    expect(playlistFolders(server.mediaDir).filter((name) => name.startsWith('during-the-outage'))).toEqual([]);
    expect((await gql(server.url, LIST, { first: 10 })).errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    await postgres.start();
    const back = await fetch(`${server.url}/health`);
    expect(back.status).toBe(200);
    expect(await back.json()).toMatchObject({ status: 'ok', database: 'up', down: [] });
    const id = await upload(server.url, 'After the outage.mp4');
    await ready(server.url, id);
    expect((await gql(server.url, LIST, { first: 10 })).data?.playlists.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
  });
});
