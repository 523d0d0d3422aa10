import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';

const UPLOAD = `mutation($file: Upload!, $options: UploadOptionsInput!) { uploadVideo(file: $file, options: $options) { id } }`;
const STATUS = `query($id: ID!) { playlist(id: $id) { status error hlsUrl } }`;

async function graphql<T>(
  baseUrl: string,
  body: BodyInit,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    body,
    headers,
  });
  const json = (await res.json()) as {
    data?: T;
    errors?: { message: string }[];
  };
  if (!json.data || json.errors)
    throw new Error(`GraphQL failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

export interface PlaylistStatus {
  status: string;
  error: string | null;
  /** Server-relative, once READY. */
  hlsUrl: string | null;
}

/** A playlist's status, or null when the server does not know the id. */
export async function playlistStatus(
  baseUrl: string,
  id: string,
): Promise<PlaylistStatus | null> {
  const { playlist } = await graphql<{ playlist: PlaylistStatus | null }>(
    baseUrl,
    JSON.stringify({ query: STATUS, variables: { id } }),
    { 'content-type': 'application/json' },
  );
  return playlist;
}

export interface UploadOptions {
  resolutions: number[];
  segmentDuration: number;
  timeoutMs: number;
}

/** Uploads a clip over the GraphQL multipart spec and waits, on its status, until it is READY. */
export async function uploadReady(
  baseUrl: string,
  file: string,
  {
    resolutions = [360, 240],
    segmentDuration = 2,
    timeoutMs = 120_000,
  }: Partial<UploadOptions> = {},
): Promise<string> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: UPLOAD,
      variables: {
        file: null,
        options: { resolutions, segmentDuration },
      },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(file), basename(file));
  const { uploadVideo } = await graphql<{ uploadVideo: { id: string } }>(
    baseUrl,
    form,
    { 'apollo-require-preflight': 'true' },
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const playlist = await playlistStatus(baseUrl, uploadVideo.id);
    if (playlist?.status === 'READY') return uploadVideo.id;
    if (playlist?.status === 'FAILED')
      throw new Error(`The upload failed: ${playlist.error}`);
    if (Date.now() > deadline)
      throw new Error(
        `The upload was still ${playlist?.status} after ${timeoutMs} ms`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
