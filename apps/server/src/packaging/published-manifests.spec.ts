import type { Rung } from '@cmm/media-rules';
import type { CaptionRecord, PlaylistManifest } from '../catalog/manifest';
import { writeDashManifest } from './dash-manifest';
import { writeMasterPlaylist } from './hls-playlist';
import { ladderDuration, publishedManifests, subtitlePlaylists } from './published-manifests';
import { dashRepresentation, masterVariant, Rendition, variantRecord } from './rendition';
import { STREAM_DIR } from './stream-layout';

const rung = (label: string, height: number, width: number) => ({ label, height, width }) as Rung;
const rendition = (r: Rung, codecs: string, sizes: number[], durations: number[]): Rendition => ({
  rung: r,
  width: r.width,
  height: r.height,
  codecs,
  initUri: 'init.mp4',
  initBytes: 800,
  segments: sizes.map((sizeBytes, i) => ({ uri: `segment_0000${i}.m4s`, duration: durations[i], sizeBytes })),
});
const renditions = [
  rendition(rung('360p', 360, 640), 'avc1.64001e,mp4a.40.2', [90_000, 120_000, 40_000], [1.001, 2.002, 0.7]),
  rendition(rung('240p', 240, 426), 'avc1.4d400d,mp4a.40.2', [40_000, 60_000, 20_000], [1.001, 2.002, 0.7]),
];
const en: CaptionRecord = { language: 'en', label: 'English', source: 'uploaded', path: 'stream/captions/en.vtt', playlist: 'stream/captions/en.m3u8' };
const manifest = (captions?: CaptionRecord[]) => ({ source: { frame_rate: 29.97 }, variants: renditions.map((r) => variantRecord(r, STREAM_DIR)), captions }) as unknown as PlaylistManifest;

describe('publishedManifests', () => {
  it.each([
    ['no captions', undefined],
    ['one caption', [en]],
  ])('rebuilds, with %s, exactly what the pipeline wrote at the end of the encode', (_, captions) => {
    const { master, mpd } = publishedManifests(manifest(captions));
    const fps = '30000/1001';
    const subs = (captions ?? []).map((c) => ({ language: c.language, name: c.label, uri: 'captions/en.m3u8' }));
    const texts = (captions ?? []).map((c) => ({ language: c.language, label: c.label, uri: 'captions/en.vtt' }));
    expect(master).toBe(writeMasterPlaylist(renditions.map((r) => masterVariant(r, fps)), subs));
    expect(mpd).toBe(writeDashManifest(renditions.map((r) => dashRepresentation(r, fps)), undefined, texts));
  });
});

describe('subtitlePlaylists', () => {
  it('writes one playlist per caption beside its file, spanning the ladder', () => {
    const duration = ladderDuration(renditions.map((r) => variantRecord(r, STREAM_DIR)));
    expect(duration).toBeCloseTo(3.703);
    const [p] = subtitlePlaylists([en], duration);
    expect(p.path).toBe('stream/captions/en.m3u8');
    expect(p.text).toContain('#EXTINF:3.703000,\nen.vtt\n#EXT-X-ENDLIST');
  });
});
