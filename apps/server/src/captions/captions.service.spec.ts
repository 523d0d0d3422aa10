import { ConsoleLogger, Logger } from '@nestjs/common';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CatalogService } from '../catalog/catalog.service';
import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { ErrorCode } from '../errors/domain-error';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { CaptionsService, IncomingCaptionFile } from './captions.service';

const ID = 'clip-20261124T055412Z-abc123';
const file = (text: string | Buffer, filename = 'subs.srt'): IncomingCaptionFile => ({ filename, createReadStream: () => Readable.from([Buffer.from(text)]) });
const SRT = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';
const VTT = 'WEBVTT\n\n00:00.500 --> 00:01.500\nBonjour\n';

function manifest(status = PlaylistStatus.READY): PlaylistManifest {
  return {
    id: ID,
    title: 'Clip',
    status,
    error: null,
    created_at: '2026-11-24T05:54:12.000Z',
    created_at_ts: 1795499652,
    updated_at: '2026-11-24T05:55:00.000Z',
    source: {
      ...{ filename: 'clip.mp4', path: 'source/clip.mp4', size_bytes: 1000, width: 640, height: 360, display_width: 640, display_height: 360 },
      ...{ rotation: 0, duration: 4, frame_rate: 25, video_codec: 'h264', pixel_format: 'yuv420p', audio_codec: 'aac', has_audio: true },
    },
    segment_duration: 2,
    requested_resolutions: [240],
    skipped_resolutions: [],
    ladder: [],
    variants: [
      {
        ...{ label: '240p', height: 240, width: 426, bitrate: 400000, average_bitrate: 300000, codecs: 'avc1.64000d,mp4a.40.2', size_bytes: 3000 },
        ...{ playlist: 'stream/240p/playlist.m3u8', init: 'stream/240p/init.mp4' },
        segments: [
          { path: 'stream/240p/segment_00000.m4s', duration: 2, label: 'Segment 1', size_bytes: 1000 },
          { path: 'stream/240p/segment_00001.m4s', duration: 2, label: 'Segment 2', size_bytes: 1000 },
        ],
      },
    ],
    hls_manifest: status === PlaylistStatus.READY ? 'stream/master.m3u8' : null,
    dash_manifest: status === PlaylistStatus.READY ? 'stream/manifest.mpd' : null,
    poster: null,
    progress: null,
  };
}

describe('CaptionsService', () => {
  let root: string;
  let storage: LocalDiskStorage;
  let catalog: CatalogService;
  let service: CaptionsService;
  const read = (path: string) => readFileSync(join(root, ID, path), 'utf8');
  const captionFiles = () => readdirSync(join(root, ID, 'stream', 'captions')).sort();

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-captions-'));
    storage = new LocalDiskStorage(root);
    catalog = new CatalogService(storage);
    await catalog.onModuleInit();
    await catalog.save(manifest());
    service = new CaptionsService(storage, catalog);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores SubRip as WebVTT, records it and lists it in the master and the MPD', async () => {
    const result = await service.add(ID, { language: 'EN-us', label: ' English ' }, file(SRT));
    expect(result.captions).toEqual([{ language: 'en-US', label: 'English', source: 'uploaded', path: 'stream/captions/en-us.vtt', playlist: 'stream/captions/en-us.m3u8' }]);
    expect(read('stream/captions/en-us.vtt')).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n');
    expect(read('stream/captions/en-us.m3u8')).toContain('#EXTINF:4.000000,\nen-us.vtt\n');
    expect(read('stream/master.m3u8')).toContain('#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en-US",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/en-us.m3u8"');
    expect(read('stream/master.m3u8')).toContain(',SUBTITLES="subs"\n240p/playlist.m3u8');
    expect(read('stream/manifest.mpd')).toContain('<AdaptationSet id="1" contentType="text" mimeType="text/vtt" lang="en-US">');
    expect(catalog.get(ID).captions).toEqual(result.captions);
  });

  it('replaces the caption in the same language, whatever its case', async () => {
    await service.add(ID, { language: 'fr', label: 'Français' }, file(VTT));
    const result = await service.add(ID, { language: 'FR', label: 'Français (SDH)' }, file(SRT));
    expect(result.captions?.map((c) => [c.language, c.label])).toEqual([['fr', 'Français (SDH)']]);
    expect(read('stream/captions/fr.vtt')).toContain('Hello');
  });

  it.each([
    ['a bad language tag', { language: 'english', label: 'English' }, file(SRT), 'language', /not a language tag/],
    ['an empty label', { language: 'en', label: ' ' }, file(SRT), 'label', /empty/],
    ['a label with quotes', { language: 'en', label: 'a "b"' }, file(SRT), 'label', /double quotes/],
    ['a file that is not text', { language: 'en', label: 'English' }, file(Buffer.from([0xff, 0xfe, 0x00, 0x41])), 'file', /not valid UTF-8/],
    ['a file without cues', { language: 'en', label: 'English' }, file('WEBVTT\n'), 'file', /no cues/],
    ['a file over the limit', { language: 'en', label: 'English' }, file(SRT + 'x'.repeat(1024 * 1024)), 'file', /larger than 1.0 MB/],
  ])('refuses %s, writing nothing', async (_, request, upload, field, message) => {
    await expect(service.add(ID, request, upload)).rejects.toMatchObject({ code: ErrorCode.BadUserInput, field, message: expect.stringMatching(message) });
    expect(readdirSync(join(root, ID))).toEqual(['manifest.json']);
    expect(catalog.get(ID).captions).toBeUndefined();
  });

  it('refuses a playlist that is not READY, and one that does not exist', async () => {
    await catalog.save(manifest(PlaylistStatus.TRANSCODING));
    await expect(service.add(ID, { language: 'en', label: 'English' }, file(SRT))).rejects.toMatchObject({ field: 'playlistId', message: 'Captions can be added once the playlist is READY; it is TRANSCODING' });
    await expect(service.add('nope', { language: 'en', label: 'English' }, file(SRT))).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('removes a caption: files gone, master and MPD without it', async () => {
    await service.add(ID, { language: 'en', label: 'English' }, file(SRT));
    await service.add(ID, { language: 'de', label: 'Deutsch' }, file(VTT));
    const result = await service.remove(ID, 'EN');
    expect(result.captions?.map((c) => c.language)).toEqual(['de']);
    expect(captionFiles()).toEqual(['de.m3u8', 'de.vtt']);
    expect(read('stream/master.m3u8')).not.toContain('LANGUAGE="en"');
    expect(read('stream/manifest.mpd')).not.toContain('lang="en"');
    await service.remove(ID, 'de');
    expect(read('stream/master.m3u8')).not.toContain('SUBTITLES');
    await expect(service.remove(ID, 'de')).rejects.toMatchObject({ code: ErrorCode.NotFound, message: `Playlist "${ID}" has no caption in "de"` });
  });

  it('runs concurrent changes to one playlist one at a time, losing none', async () => {
    await Promise.all(['en', 'fr', 'de', 'es'].map((language) => service.add(ID, { language, label: language }, file(SRT))));
    expect(catalog.get(ID).captions?.map((c) => c.language).sort()).toEqual(['de', 'en', 'es', 'fr']);
    expect(read('stream/master.m3u8').match(/TYPE=SUBTITLES/g)).toHaveLength(4);
  });
});
