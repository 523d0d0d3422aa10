/** A stream as `ffprobe -show_data -show_entries stream=...` reports it for an encoded init segment. */
export interface ProbedCodecStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  /** ffprobe's hex dump (`00000000: 0164 000d ffe1 ...  .d......`). */
  extradata?: string;
}

/** Bytes of an ffprobe hex dump: the groups between each offset and the two spaces before the ASCII column. */
export function hexDumpBytes(dump: string): number[] {
  const bytes: number[] = [];
  for (const line of dump.split('\n')) {
    const match = /^[0-9a-f]{8}: (.*)$/i.exec(line.trim());
    if (!match) continue;
    const hex = match[1].split('  ')[0].replace(/ /g, '');
    for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
  }
  return bytes;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Used only when extradata is missing: the usual constraint flags of each profile. */
const AVC_PROFILE_BYTES: Record<string, string> = {
  'Constrained Baseline': '42c0',
  Baseline: '4200',
  Main: '4d40',
  High: '6400',
  'High 10': '6e00',
};

/** avc1.PPCCLL: profile_idc, constraint flags and level_idc, straight from the avcC box when there is one. */
function avcCodec(stream: ProbedCodecStream): string {
  const avcC = hexDumpBytes(stream.extradata ?? '');
  if (avcC.length >= 4 && avcC[0] === 1) return `avc1.${hex2(avcC[1])}${hex2(avcC[2])}${hex2(avcC[3])}`;
  const profile = AVC_PROFILE_BYTES[stream.profile ?? ''];
  if (profile && stream.level && stream.level > 0) return `avc1.${profile}${hex2(stream.level)}`;
  throw new Error(`Cannot tell the H.264 profile and level (profile ${stream.profile ?? 'none'}, level ${stream.level ?? 'none'})`);
}

const AAC_OBJECT_TYPES: Record<string, number> = { LC: 2, 'HE-AAC': 5, 'HE-AACv2': 29 };

/** mp4a.40.N: N is the audio object type, the first 5 bits of the AudioSpecificConfig (31 escapes to 6 more). */
function aacCodec(stream: ProbedCodecStream): string {
  const asc = hexDumpBytes(stream.extradata ?? '');
  if (asc.length >= 2) {
    const first = asc[0] >> 3;
    const objectType = first === 31 ? 32 + (((asc[0] & 0x07) << 3) | (asc[1] >> 5)) : first;
    return `mp4a.40.${objectType}`;
  }
  const fromProfile = AAC_OBJECT_TYPES[stream.profile ?? ''];
  if (fromProfile) return `mp4a.40.${fromProfile}`;
  throw new Error(`Cannot tell the AAC object type (profile ${stream.profile ?? 'none'})`);
}

/**
 * The RFC 6381 CODECS value of an encoded rendition (video first, then audio), from what
 * ffprobe read back out of its init segment rather than from what was asked of the encoder.
 */
export function codecString(streams: readonly ProbedCodecStream[]): string {
  const codecs: string[] = [];
  const video = streams.find((s) => s.codec_type === 'video');
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (video) {
    if (video.codec_name !== 'h264') throw new Error(`Unexpected video codec in output: ${video.codec_name}`);
    codecs.push(avcCodec(video));
  }
  if (audio) {
    if (audio.codec_name !== 'aac') throw new Error(`Unexpected audio codec in output: ${audio.codec_name}`);
    codecs.push(aacCodec(audio));
  }
  if (codecs.length === 0) throw new Error('The rendition has no audio or video stream');
  return codecs.join(',');
}
