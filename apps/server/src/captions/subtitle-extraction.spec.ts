import { buildSubtitleExtractArgs, planSubtitleExtraction } from './subtitle-extraction';

const stream = (index: number, codec: string, language: string | null = null, title: string | null = null) => ({ index, codec, language, title });

describe('planSubtitleExtraction', () => {
  it.each([
    ['nothing to do', [], [], []],
    [
      'text tracks labelled from their title, else their language',
      [stream(2, 'mov_text', 'eng', 'English SDH'), stream(3, 'subrip', 'fre'), stream(4, 'ass')],
      [
        { streamIndex: 2, language: 'en', label: 'English SDH' },
        { streamIndex: 3, language: 'fr', label: 'French' },
        { streamIndex: 4, language: 'und', label: 'Unknown language' },
      ],
      [],
    ],
    [
      'a second track in the same language keeps a private-use tag and a distinct label',
      [stream(2, 'subrip', 'eng'), stream(5, 'webvtt', 'en')],
      [
        { streamIndex: 2, language: 'en', label: 'English' },
        { streamIndex: 5, language: 'en-x-s5', label: 'English (track 5)' },
      ],
      [],
    ],
    [
      'picture subtitles skipped with the reason',
      [stream(2, 'hdmv_pgs_subtitle', 'eng'), stream(3, 'dvb_subtitle'), stream(4, 'mov_text', 'deu')],
      [{ streamIndex: 4, language: 'de', label: 'German' }],
      [
        { stream_index: 2, codec: 'hdmv_pgs_subtitle', language: 'eng', reason: 'hdmv_pgs_subtitle subtitles are pictures, not text; they cannot be turned into WebVTT' },
        { stream_index: 3, codec: 'dvb_subtitle', language: null, reason: 'dvb_subtitle subtitles are pictures, not text; they cannot be turned into WebVTT' },
      ],
    ],
    [
      'a hostile title and language tag',
      [stream(2, 'subrip', '../../etc', 'Say "hi"\nnow')],
      [{ streamIndex: 2, language: 'und', label: "Say 'hi''now" }],
      [],
    ],
  ])('%s', (_, streams, extract, skipped) => {
    expect(planSubtitleExtraction(streams)).toEqual({ extract, skipped });
  });

  it('skips tracks beyond the per-playlist limit', () => {
    const many = Array.from({ length: 34 }, (_, i) => stream(i + 1, 'subrip'));
    const plan = planSubtitleExtraction(many);
    expect(plan.extract).toHaveLength(32);
    expect(plan.skipped.map((s) => [s.stream_index, s.reason])).toEqual([
      [33, 'a playlist has at most 32 captions'],
      [34, 'a playlist has at most 32 captions'],
    ]);
  });
});

describe('buildSubtitleExtractArgs', () => {
  it('maps each stream to its own WebVTT output, reading the source through the allowed demuxer only', () => {
    expect(
      buildSubtitleExtractArgs({
        inputPath: '/m/clip/source/clip.mp4',
        demuxer: 'mov',
        outputs: [
          { streamIndex: 2, outputPath: '/m/clip/.work/ab/captions/en.vtt' },
          { streamIndex: 3, outputPath: '/m/clip/.work/ab/captions/fr.vtt' },
        ],
      }),
    ).toEqual([
      ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
      ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg', '-f', 'mov', '-i', 'file:/m/clip/source/clip.mp4'],
      ...['-map', '0:2', '-c:s', 'webvtt', '-map_metadata', '-1', '-f', 'webvtt', '/m/clip/.work/ab/captions/en.vtt'],
      ...['-map', '0:3', '-c:s', 'webvtt', '-map_metadata', '-1', '-f', 'webvtt', '/m/clip/.work/ab/captions/fr.vtt'],
    ]);
  });
});
