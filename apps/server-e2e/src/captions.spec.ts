import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, openAsBlob, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { collectSubscription, gql, GraphQLResponse } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';

const PROGRESS = `subscription Progress($id: ID!) { processingProgress(playlistId: $id) { status error } }`;
const CAPTIONS = `query One($id: ID!) { playlist(id: $id) { status hlsUrl dashUrl captions { language label url playlistUrl source } skippedSubtitles { streamIndex codec reason } } }`;
const ADD = `mutation Add($id: ID!, $language: String!, $label: String!, $file: Upload!) {
  addCaption(playlistId: $id, language: $language, label: $label, file: $file) { captions { language label url source } }
}`;
const REMOVE = `mutation Remove($id: ID!, $language: String!) { removeCaption(playlistId: $id, language: $language) { captions { language } } }`;

const SRT = '1\r\n00:00:01,000 --> 00:00:02,500\r\nHello <i>there</i> & welcome\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nSecond line\r\n';
const VTT = 'WEBVTT\n\nNOTE German\n\n00:00.500 --> 00:02.000 align:start\nGuten Tag\n';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('captions over real HTTP: extracted from the source, added, served, refused, removed', () => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-captions-'));
  let id: string;

  /** addCaption as a GraphQL multipart request, as a browser's FormData sends it. */
  async function addCaption(language: string, label: string, bytes: string | Buffer, filename = 'captions.srt'): Promise<GraphQLResponse<Loose>> {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: ADD, variables: { id, language, label, file: null } }));
    form.append('map', JSON.stringify({ '0': ['variables.file'] }));
    form.append('0', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), filename);
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
    return (await res.json()) as GraphQLResponse<Loose>;
  }
  const captions = async () => (await gql(server.url, CAPTIONS, { id })).data?.['playlist'];
  const text = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status).toBe(200);
    return { type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: await res.text() };
  };
  const captionFiles = () => {
    const dir = join(server.mediaDir, id, 'stream', 'captions');
    return existsSync(dir) ? readdirSync(dir).sort() : [];
  };

  beforeAll(async () => {
    server = await startServer();
    // a source with a mov_text track, made from a SubRip file, tagged French
    const clip = makeClip(join(work, 'plain.mp4'), { seconds: 5 });
    writeFileSync(join(work, 'fr.srt'), '1\n00:00:00,500 --> 00:00:01,500\nBonjour\n\n2\n00:00:02,000 --> 00:00:03,000\nAu revoir\n');
    const source = join(work, 'With Subtitles.mp4');
    execFileSync(ffmpegPath(), ['-v', 'error', '-y', '-i', clip, '-i', join(work, 'fr.srt'), '-map', '0', '-map', '1', '-c', 'copy', '-c:s', 'mov_text', '-metadata:s:s:0', 'language=fra', source]);
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation U($file: Upload!, $o: UploadOptionsInput!) { uploadVideo(file: $file, options: $o) { id } }', variables: { file: null, o: { resolutions: [240], segmentDuration: 2 } } }));
    form.append('map', JSON.stringify({ '0': ['variables.file'] }));
    form.append('0', await openAsBlob(source), 'With Subtitles.mp4');
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
    const body = (await res.json()) as GraphQLResponse<Loose>;
    expect(body.errors).toBeUndefined();
    id = body.data.uploadVideo.id;
    const events = await collectSubscription<{ status: string; error: string | null }>(server.wsUrl, PROGRESS, { id }, (p) => p.status === 'READY' || p.status === 'FAILED');
    expect(events.at(-1)).toEqual({ status: 'READY', error: null });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('ends READY with the source’s mov_text track extracted as a French WebVTT caption', async () => {
    const p = await captions();
    expect(p.captions).toEqual([{ language: 'fr', label: 'French', url: `/media/${id}/stream/captions/fr.vtt`, playlistUrl: `/media/${id}/stream/captions/fr.m3u8`, source: 'EXTRACTED' }]);
    expect(p.skippedSubtitles).toEqual([]);
    const vtt = await text(p.captions[0].url);
    expect(vtt.body).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nBonjour\n\n00:00:02.000 --> 00:00:03.000\nAu revoir\n');
    const master = await text(p.hlsUrl);
    // the manifests are in the run's folder (stream/<run>/), the captions beside it in stream/captions/
    expect(master.body).toContain('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="French",LANGUAGE="fr",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="../captions/fr.m3u8"');
  });

  it('adds an SRT (converted) and a VTT caption: listed in the master and the MPD, served as text/vtt', async () => {
    const before = await text((await captions()).hlsUrl);
    const en = await addCaption('en', 'English', SRT);
    expect(en.errors).toBeUndefined();
    const de = await addCaption('de-DE', 'Deutsch', VTT, 'de.vtt');
    expect(de.errors).toBeUndefined();
    expect(de.data.addCaption.captions.map((c: { language: string; source: string }) => [c.language, c.source])).toEqual([
      ['fr', 'EXTRACTED'],
      ['en', 'UPLOADED'],
      ['de-DE', 'UPLOADED'],
    ]);

    const p = await captions();
    const master = await text(p.hlsUrl);
    expect(master.cache).toBe('no-cache');
    expect(master.body).toContain('NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="../captions/en.m3u8"');
    expect(master.body).toContain('NAME="Deutsch",LANGUAGE="de-DE",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="../captions/de-de.m3u8"');
    // the variants are as the encode wrote them, now naming the group
    const variants = (m: string) => m.split('\n').filter((l) => l.startsWith('#EXT-X-STREAM-INF'));
    expect(variants(master.body)).toEqual(variants(before.body));
    expect(variants(master.body).every((l) => l.endsWith(',SUBTITLES="subs"'))).toBe(true);

    const media = await text(`/media/${id}/stream/captions/en.m3u8`);
    expect(media.type).toBe('application/vnd.apple.mpegurl');
    expect(media.body).toMatch(/#EXT-X-PLAYLIST-TYPE:VOD\n#EXTINF:5\.\d+,\nen\.vtt\n#EXT-X-ENDLIST/);
    const vtt = await text(`/media/${id}/stream/captions/en.vtt`);
    expect(vtt.type).toBe('text/vtt; charset=utf-8');
    expect(vtt.body).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nHello <i>there</i> &amp; welcome\n\n00:00:03.000 --> 00:00:04.000\nSecond line\n');

    const mpd = await text(p.dashUrl);
    expect(mpd.body).toContain('<AdaptationSet id="2" contentType="text" mimeType="text/vtt" lang="en">');
    expect(mpd.body).toContain('<BaseURL>../captions/de-de.vtt</BaseURL>');
  });

  it.each([
    ['a binary file', 'en-GB', 'English', Buffer.from([0x00, 0x01, 0xff, 0xfe]), 'file', 'The caption file is not valid UTF-8 text; save it as UTF-8 and upload it again'],
    ['Latin-1 text', 'en-GB', 'English', Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nCaf\xe9\n', 'latin1'), 'file', 'The caption file is not valid UTF-8 text; save it as UTF-8 and upload it again'],
    ['a file without cues', 'en-GB', 'English', 'WEBVTT\n\nNOTE nothing here\n', 'file', 'The WebVTT file has no cues'],
    ['reversed timings', 'en-GB', 'English', '1\n00:00:05,000 --> 00:00:04,000\nHi\n', 'file', 'Cue 1 ends before it starts: "00:00:05,000 --> 00:00:04,000"'],
    ['a file over 1 MB', 'en-GB', 'English', SRT + 'x'.repeat(1024 * 1024), 'file', 'The caption file is larger than 1.0 MB'],
    ['a bad language tag', 'english', 'English', SRT, 'language', '"english" is not a language tag; use a BCP 47 tag such as en, pt-BR or zh-Hant'],
    ['a label too long', 'en-GB', 'x'.repeat(65), SRT, 'label', 'The label must be at most 64 characters'],
  ])('refuses %s with a clear message, writing nothing', async (_, language, label, bytes, field, message) => {
    const before = captionFiles();
    const res = await addCaption(language, label, bytes);
    expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
    expect(captionFiles()).toEqual(before);
    expect((await captions()).captions.map((c: { language: string }) => c.language)).not.toContain('en-GB');
  });

  it('removes a caption: gone from the listing, the master, the MPD and the disk', async () => {
    const res = await gql(server.url, REMOVE, { id, language: 'EN' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.['removeCaption'].captions).toEqual([{ language: 'fr' }, { language: 'de-DE' }]);
    const p = await captions();
    expect((await text(p.hlsUrl)).body).not.toContain('LANGUAGE="en"');
    expect((await text(p.dashUrl)).body).not.toContain('lang="en"');
    expect(captionFiles()).toEqual(['de-de.m3u8', 'de-de.vtt', 'fr.m3u8', 'fr.vtt']);
    expect((await fetch(`${server.url}/media/${id}/stream/captions/en.vtt`)).status).toBe(404);
    const again = await gql(server.url, REMOVE, { id, language: 'en' });
    expect(again.errors?.[0]).toMatchObject({ message: `Playlist "${id}" has no caption in "en"`, extensions: { code: 'NOT_FOUND' } });
  });
});

describe('captions follow the token rules of every write', () => {
  let server: RunningServer;
  const TOKEN = 'e2e-token-0123456789abcdef';

  beforeAll(async () => {
    server = await startServer({ API_TOKENS: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses addCaption without a token before reading its body, and removeCaption without one', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: ADD, variables: { id: 'any', language: 'en', label: 'English', file: null } }));
    form.append('map', JSON.stringify({ '0': ['variables.file'] }));
    form.append('0', new Blob([SRT]), 'en.srt');
    const add = await fetch(`${server.url}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
    expect(add.status).toBe(401);
    const remove = await gql(server.url, REMOVE, { id: 'any', language: 'en' });
    expect(remove.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const authorised = await gql(server.url, REMOVE, { id: 'any', language: 'en' }, { authorization: `Bearer ${TOKEN}` });
    expect(authorised.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
