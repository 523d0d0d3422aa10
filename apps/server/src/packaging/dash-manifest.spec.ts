import { DashRepresentation, writeDashManifest } from './dash-manifest';

const segments = (label: string, durations: number[]) =>
  durations.map((duration, i) => ({ uri: `${label}/segment_${String(i).padStart(5, '0')}.m4s`, duration }));
const rep = (id: string, height: number, width: number, bandwidth: number, durations: number[], frameRate = '25'): DashRepresentation => ({
  id,
  bandwidth,
  width,
  height,
  codecs: 'avc1.4d400d,mp4a.40.2',
  frameRate,
  initUri: `${id}/init.mp4`,
  segments: segments(id, durations),
});

describe('writeDashManifest', () => {
  it('writes a static MPD with one representation per rung, highest first, over the HLS files', () => {
    expect(writeDashManifest([rep('144p', 144, 192, 150_000, [2, 2, 1]), rep('240p', 240, 320, 300_000, [2, 2, 1])])).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>
<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="PT5.000S" minBufferTime="PT2.000S">
  <Period id="0" start="PT0S">
    <AdaptationSet id="0" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="320" maxHeight="240">
      <Representation id="240p" bandwidth="300000" width="320" height="240" sar="1:1" frameRate="25" codecs="avc1.4d400d,mp4a.40.2">
        <SegmentTemplate timescale="1000" initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/segment_$Number%05d$.m4s" startNumber="0">
          <SegmentTimeline>
            <S t="0" d="2000" r="1"/>
            <S d="1000"/>
          </SegmentTimeline>
        </SegmentTemplate>
      </Representation>
      <Representation id="144p" bandwidth="150000" width="192" height="144" sar="1:1" frameRate="25" codecs="avc1.4d400d,mp4a.40.2">
        <SegmentTemplate timescale="1000" initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/segment_$Number%05d$.m4s" startNumber="0">
          <SegmentTimeline>
            <S t="0" d="2000" r="1"/>
            <S d="1000"/>
          </SegmentTimeline>
        </SegmentTemplate>
      </Representation>
    </AdaptationSet>
  </Period>
</MPD>
`,
    );
  });

  it.each([
    // 4.004 s NTSC segments: rounding from the running total keeps t exact (4004, 8008, 12012)
    ['23.976 fps segments of 4.004 s', [4.004, 4.004, 4.004, 1.96], ['<S t="0" d="4004" r="2"/>', '<S d="1960"/>'], 'PT13.972S'],
    ['thirds of a second do not drift', [1 / 3, 1 / 3, 1 / 3], ['<S t="0" d="333"/>', '<S d="334"/>', '<S d="333"/>'], 'PT1.000S'],
    ['one segment', [0.8], ['<S t="0" d="800"/>'], 'PT0.800S'],
  ])('timeline of %s', (_name, durations, entries, duration) => {
    const mpd = writeDashManifest([rep('240p', 240, 320, 1, durations, '24000/1001')]);
    expect(mpd.match(/<S [^>]*\/>/g)).toEqual(entries);
    expect(mpd).toContain(`mediaPresentationDuration="${duration}"`);
    expect(mpd).toContain('frameRate="24000/1001"');
  });

  it('is dynamic while the ladder grows: anchored at the encode start, refetched, no duration yet', () => {
    const mpd = writeDashManifest([rep('240p', 240, 320, 1, [1, 1])], {
      availabilityStartTime: new Date('2026-11-30T10:00:00.250Z'),
      publishTime: new Date('2026-11-30T10:00:03.900Z'),
      updatePeriod: 4,
    });
    expect(mpd).toContain(
      'type="dynamic" availabilityStartTime="2026-11-30T10:00:00Z" publishTime="2026-11-30T10:00:03Z" minimumUpdatePeriod="PT4.000S" minBufferTime="PT1.000S"',
    );
    expect(mpd).not.toContain('mediaPresentationDuration');
    expect(mpd.match(/<S [^>]*\/>/g)).toEqual(['<S t="0" d="1000" r="1"/>']);
  });

  it('refuses files the template would not find', () => {
    const odd = { ...rep('240p', 240, 320, 1, [2]), segments: [{ uri: '240p/seg-0.m4s', duration: 2 }] };
    expect(() => writeDashManifest([odd])).toThrow(/does not follow the segment naming/);
  });

  it('adds a text adaptation set per caption, escaped, after the video', () => {
    const mpd = writeDashManifest([rep('144p', 144, 192, 1, [2])], undefined, [
      { language: 'en', label: 'English', uri: 'captions/en.vtt' },
      { language: 'fr', label: 'Français & <SDH>', uri: 'captions/fr.vtt' },
    ]);
    expect(mpd).toContain(
      [
        '    </AdaptationSet>',
        '    <AdaptationSet id="1" contentType="text" mimeType="text/vtt" lang="en">',
        '      <Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle"/>',
        '      <Label>English</Label>',
        '      <Representation id="text-en" bandwidth="256">',
        '        <BaseURL>captions/en.vtt</BaseURL>',
        '      </Representation>',
        '    </AdaptationSet>',
        '    <AdaptationSet id="2" contentType="text" mimeType="text/vtt" lang="fr">',
      ].join('\n'),
    );
    expect(mpd).toContain('<Label>Français &amp; &lt;SDH&gt;</Label>');
  });
});

