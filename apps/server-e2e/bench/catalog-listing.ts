/** What the catalog benches share: the web app's list query, a timed keep-alive POST, a sample playlist from a real upload. */
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { rmSync } from 'node:fs';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { gql, uploadFile } from '../src/support/graphql-client';
import { startServer } from '../src/support/server-process';

/** What the web app's playlist list asks for (PlaylistListItem). */
export const LIST_QUERY = `query Playlists($first: Int, $after: String) {
  playlists(first: $first, after: $after) {
    edges { cursor node { id title status createdAt posterUrl error source { filename duration } progress { playlistId status percent queuePosition etaSeconds error } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

export interface Listing {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** One GraphQL POST over a keep-alive agent: the answer's data and the milliseconds it took. */
export function post<T>(agent: Agent, url: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data: T; ms: number }> {
  const body = JSON.stringify({ query, variables });
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (answer.errors) reject(new Error(JSON.stringify(answer.errors)));
        else resolve({ data: answer.data, ms });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Uploads a 12 s clip (360/240/144, 4 s segments) to a server of its own, waits for READY, and
 * gives the playlist's folder to `use` before the server and its media are removed.
 */
export async function readyPlaylist<T>(work: string, use: (folder: string) => T): Promise<T> {
  const server = await startServer({ LOG_LEVEL: 'warn' });
  try {
    const clip = makeClip(join(work, 'Holiday clip.mp4'), { seconds: 12, width: 640, height: 360 });
    const { body } = await uploadFile(server.url, clip, { resolutions: [360, 240, 144], segmentDuration: 4 });
    const id = body.data?.uploadVideo?.id as string | undefined;
    if (!id) throw new Error(`upload failed: ${JSON.stringify(body.errors)}`);
    // (graphql-ws needs `ws` as a default import, which this runner does not give: the state is polled instead)
    for (;;) {
      const { data } = await gql(server.url, 'query P($id: ID!) { playlist(id: $id) { status error } }', { id });
      if (data?.playlist?.status === 'READY') break;
      if (data?.playlist?.status === 'FAILED') throw new Error(`the sample playlist failed: ${data.playlist.error}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    return use(join(server.mediaDir, id));
  } finally {
    await server.stop();
    rmSync(server.mediaDir, { recursive: true, force: true });
  }
}
