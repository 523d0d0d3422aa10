import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';

const UPLOAD = `mutation($file: Upload!, $options: UploadOptionsInput!) { uploadVideo(file: $file, options: $options) { id } }`;
const STATE = `query($id: ID!) { playlist(id: $id) { status error playable playableAt hlsUrl dashUrl } }`;

export interface PlaylistState {
  status: string;
  error: string | null;
  playable: boolean;
  playableAt: string | null;
  hlsUrl: string | null;
  dashUrl: string | null;
}

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

/** Uploads a clip over the GraphQL multipart spec; resolves with its id once it is stored. */
export async function upload(
  baseUrl: string,
  file: string,
  options: { resolutions: number[]; segmentDuration: number } = {
    resolutions: [360, 240],
    segmentDuration: 2,
  },
): Promise<string> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: UPLOAD, variables: { file: null, options } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(file), basename(file));
  const { uploadVideo } = await graphql<{ uploadVideo: { id: string } }>(
    baseUrl,
    form,
    { 'apollo-require-preflight': 'true' },
  );
  return uploadVideo.id;
}

/** A playlist's state; rejects when the server does not know the id. */
export async function playlistState(
  baseUrl: string,
  id: string,
): Promise<PlaylistState> {
  const { playlist } = await graphql<{ playlist: PlaylistState | null }>(
    baseUrl,
    JSON.stringify({ query: STATE, variables: { id } }),
    { 'content-type': 'application/json' },
  );
  if (!playlist) throw new Error(`No playlist ${id}`);
  return playlist;
}

/** Polls `probe` until it answers non-null; a FAILED playlist or the deadline ends the wait with an error. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null>,
  timeoutMs = 120_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Waits, on the playlist's status, until it is READY. */
export async function untilReady(
  baseUrl: string,
  id: string,
  timeoutMs = 120_000,
): Promise<PlaylistState> {
  return until(
    `${id} to be READY`,
    async () => {
      const state = await playlistState(baseUrl, id);
      if (state.status === 'FAILED')
        throw new Error(`Processing failed: ${state.error}`);
      return state.status === 'READY' ? state : null;
    },
    timeoutMs,
  );
}

/** Uploads a clip and waits until it is READY. */
export async function uploadReady(
  baseUrl: string,
  file: string,
  { timeoutMs = 120_000, ...options }: { resolutions?: number[]; segmentDuration?: number; timeoutMs?: number } = {},
): Promise<string> {
  const id = await upload(baseUrl, file, { resolutions: [360, 240], segmentDuration: 2, ...options });
  await untilReady(baseUrl, id, timeoutMs);
  return id;
}

const CAPTIONS = `query($id: ID!) { playlist(id: $id) { captions { language label source } } }`;
const ADD_CAPTION = `mutation($id: ID!, $language: String!, $label: String!, $file: Upload!) {
  addCaption(playlistId: $id, language: $language, label: $label, file: $file) { id }
}`;

/** A playlist's captions as the server lists them. */
export async function captionsOf(
  baseUrl: string,
  id: string,
): Promise<{ language: string; label: string; source: string }[]> {
  const { playlist } = await graphql<{ playlist: { captions: { language: string; label: string; source: string }[] } | null }>(
    baseUrl,
    JSON.stringify({ query: CAPTIONS, variables: { id } }),
    { 'content-type': 'application/json' },
  );
  if (!playlist) throw new Error(`No playlist ${id}`);
  return playlist.captions;
}

/** Sends a caption file over the multipart spec; resolves with the server's error messages (none when it was added). */
export async function addCaption(
  baseUrl: string,
  id: string,
  caption: { language: string; label: string; name: string; text: string },
): Promise<string[]> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: ADD_CAPTION, variables: { id, language: caption.language, label: caption.label, file: null } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([caption.text]), caption.name);
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
  const json = (await res.json()) as { errors?: { message: string }[] };
  return (json.errors ?? []).map((e) => e.message);
}
