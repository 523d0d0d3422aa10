import { parseMediaPlaylist, renditionBitrates, writeMasterPlaylist, writeMediaPlaylist, writeSubtitlePlaylist } from './hls-playlist';

// as ffmpeg writes them with -hls_segment_type fmp4 -hls_playlist_type vod
const ffmpeg51 = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:4
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MAP:URI="init.mp4"
#EXTINF:4.004000,
segment_00000.m4s
#EXTINF:4.004000,
segment_00001.m4s
#EXTINF:1.960292,
segment_00002.m4s
#EXT-X-ENDLIST
`;

describe('parseMediaPlaylist', () => {
  it.each([
    [
      'real EXTINF durations of a 23.976 fps rendition',
      ffmpeg51,
      {
        initUri: 'init.mp4',
        segments: [
          { uri: 'segment_00000.m4s', duration: 4.004 },
          { uri: 'segment_00001.m4s', duration: 4.004 },
          { uri: 'segment_00002.m4s', duration: 1.960292 },
        ],
      },
    ],
    [
      'CRLF line ends, titles after the comma, no init map',
      '#EXTM3U\r\n#EXTINF:2.000000,first\r\nseg0.ts\r\n#EXTINF:1.5,\r\nseg1.ts\r\n#EXT-X-ENDLIST\r\n',
      { initUri: null, segments: [{ uri: 'seg0.ts', duration: 2 }, { uri: 'seg1.ts', duration: 1.5 }] },
    ],
  ])('%s', (_name, text, expected) => {
    expect(parseMediaPlaylist(text)).toEqual(expected);
  });

  it('refuses a segment without a duration', () => {
    expect(() => parseMediaPlaylist('#EXTM3U\nsegment_00000.m4s\n')).toThrow(/without EXTINF/);
  });
});

describe('renditionBitrates', () => {
  it.each([
    ['equal segments: peak equals average', [{ duration: 2, sizeBytes: 50_000 }, { duration: 2, sizeBytes: 50_000 }], { peak: 200_000, average: 200_000 }],
    [
      'a short last segment can hold the peak',
      [{ duration: 4, sizeBytes: 100_000 }, { duration: 4, sizeBytes: 120_000 }, { duration: 1, sizeBytes: 40_000 }],
      { peak: 320_000, average: 231_112 },
    ],
    ['zero-length segments are ignored', [{ duration: 0, sizeBytes: 10 }, { duration: 3, sizeBytes: 3 }], { peak: 8, average: 8 }],
    ['nothing', [], { peak: 0, average: 0 }],
  ])('%s', (_name, segments, expected) => {
    expect(renditionBitrates(segments)).toEqual(expected);
  });
});

describe('writeMediaPlaylist', () => {
  const segments = [
    { uri: 'segment_00000.m4s', duration: 1 },
    { uri: 'segment_00001.m4s', duration: 1 },
    { uri: 'segment_00002.m4s', duration: 2 },
  ];
  const head = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-TARGETDURATION:4', '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:EVENT', '#EXT-X-INDEPENDENT-SEGMENTS'];
  const map = '#EXT-X-MAP:URI="init.mp4"';
  const body = ['#EXTINF:1.000000,', 'segment_00000.m4s', '#EXTINF:1.000000,', 'segment_00001.m4s', '#EXTINF:2.000000,', 'segment_00002.m4s'];

  it.each([
    ['growing: the planned target from the first segment on, blocking reloads offered, no end', false, true, [...head, '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES', map, ...body]],
    ['growing, its next segment not expected soon: no server control', false, false, [...head, map, ...body]],
    ['complete: ENDLIST appended, no server control', true, true, [...head, map, ...body, '#EXT-X-ENDLIST']],
  ])('%s', (_name, ended, blockingReload, lines) => {
    expect(writeMediaPlaylist({ initUri: 'init.mp4', segments, segmentDuration: 4, ended, blockingReload })).toBe(lines.join('\n') + '\n');
  });

  it('raises the target to the longest segment, should one run long', () => {
    expect(writeMediaPlaylist({ initUri: 'init.mp4', segments: [{ uri: 'a.m4s', duration: 6.4 }], segmentDuration: 4, ended: true, blockingReload: false })).toContain('#EXT-X-TARGETDURATION:6\n');
  });
});

describe('writeMasterPlaylist', () => {
  it('lists every rendition highest first with its real bitrates, size, codecs and frame rate', () => {
    const low = { uri: '144p/playlist.m3u8', bandwidth: 180_000, averageBandwidth: 150_000, width: 192, height: 144, codecs: 'avc1.4d400c,mp4a.40.2', frameRate: 25 };
    const high = { uri: '240p/playlist.m3u8', bandwidth: 390_123, averageBandwidth: 301_000, width: 320, height: 240, codecs: 'avc1.4d400d,mp4a.40.2', frameRate: 23.976 };
    expect(writeMasterPlaylist([low, high])).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:7',
        '#EXT-X-INDEPENDENT-SEGMENTS',
        '#EXT-X-STREAM-INF:BANDWIDTH=390123,AVERAGE-BANDWIDTH=301000,RESOLUTION=320x240,CODECS="avc1.4d400d,mp4a.40.2",FRAME-RATE=23.976',
        '240p/playlist.m3u8',
        '#EXT-X-STREAM-INF:BANDWIDTH=180000,AVERAGE-BANDWIDTH=150000,RESOLUTION=192x144,CODECS="avc1.4d400c,mp4a.40.2",FRAME-RATE=25.000',
        '144p/playlist.m3u8',
        '',
      ].join('\n'),
    );
  });

  it('adds a SUBTITLES group every variant names, a repeated name made unique by its language', () => {
    const v = { uri: '144p/playlist.m3u8', bandwidth: 180_000, averageBandwidth: 150_000, width: 192, height: 144, codecs: 'avc1.4d400c,mp4a.40.2', frameRate: 25 };
    const master = writeMasterPlaylist(
      [v],
      [
        { language: 'en', name: 'English', uri: 'captions/en.m3u8' },
        { language: 'en-GB', name: 'English', uri: 'captions/en-gb.m3u8' },
      ],
    );
    expect(master.split('\n')).toEqual([
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      '#EXT-X-INDEPENDENT-SEGMENTS',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English",LANGUAGE="en",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/en.m3u8"',
      '#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="English (en-GB)",LANGUAGE="en-GB",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="captions/en-gb.m3u8"',
      '#EXT-X-STREAM-INF:BANDWIDTH=180000,AVERAGE-BANDWIDTH=150000,RESOLUTION=192x144,CODECS="avc1.4d400c,mp4a.40.2",FRAME-RATE=25.000,SUBTITLES="subs"',
      '144p/playlist.m3u8',
      '',
    ]);
  });
});

describe('writeSubtitlePlaylist', () => {
  it.each([
    [12.48, '#EXT-X-TARGETDURATION:13', '#EXTINF:12.480000,'],
    [0.2, '#EXT-X-TARGETDURATION:1', '#EXTINF:0.200000,'],
  ])('a %s s video: one VOD segment spanning it', (duration, target, extinf) => {
    expect(writeSubtitlePlaylist('en.vtt', duration)).toBe(
      ['#EXTM3U', '#EXT-X-VERSION:7', target, '#EXT-X-MEDIA-SEQUENCE:0', '#EXT-X-PLAYLIST-TYPE:VOD', extinf, 'en.vtt', '#EXT-X-ENDLIST', ''].join('\n'),
    );
  });
});
