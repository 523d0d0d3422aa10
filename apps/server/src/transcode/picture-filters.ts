import type { FfmpegCapabilities } from '../ffmpeg/ffmpeg-capabilities';
import type { VideoProbe } from '../ffmpeg/probe-parser';

/** What the filters need to know about the source picture, as ffprobe named it. */
export type SourcePicture = Pick<VideoProbe['video'], 'codec' | 'colorTransfer' | 'colorRange' | 'fieldOrder'>;

/**
 * How one source's picture becomes progressive, limited-range SDR, as pieces of a filter chain:
 * `deinterlace` goes before `fps` (it must see every frame as decoded), `toSdr` after it (fewer
 * frames to convert when fps drops some), `scaleOptions` on every `scale`, and `colourTags` on
 * every encoded output (HDR only: an SDR source's own tags still describe it, and newer builds
 * copy them). 8-bit 4:2:0 is left to `format=yuv420p` after each scale.
 */
export interface PictureFilters {
  deinterlace: string[];
  toSdr: string[];
  scaleOptions: string;
  colourTags: string[];
}

/** PQ (HDR10, HDR10+, Dolby Vision 8.1) and HLG (phones, broadcast). */
const HDR_TRANSFERS = ['smpte2084', 'arib-std-b67'];
const INTERLACED_FIELD_ORDERS = ['tt', 'bb', 'tb', 'bt'];

/**
 * bwdif (yadif's successor, in every ffmpeg since 3.1) keeps the frame rate: 50 fields make 25
 * frames. `deint=all` because the probe already said the stream is interlaced; `parity=auto`
 * follows each frame's own field order.
 */
const DEINTERLACE = 'bwdif=mode=send_frame:parity=auto:deint=all';

/**
 * The usual zimg chain (Jellyfin's, Immich's): linear light at 100 nits, BT.2020 to BT.709
 * primaries in linear light, Hable's curve, back to BT.709 limited-range 4:2:0. The input is
 * described explicitly because untagged frames (some MPEG-TS) would otherwise be taken as SDR;
 * BT.2100 defines both PQ and HLG on BT.2020 primaries and its non-constant-luminance matrix.
 */
function toneMap(transfer: string, range: string): string[] {
  return [
    `zscale=tin=${transfer}:pin=bt2020:min=bt2020nc:rin=${range}:t=linear:npl=100`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=hable:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ];
}

/**
 * Without zimg: `colorspace` converts gamut and matrix properly but knows no PQ or HLG curve, so
 * the source is read as BT.2020 SDR. Highlights clip and PQ looks flat; HLG, made to be watched
 * on SDR screens, comes out close to right. Still far better than BT.2020 tags on SDR pixels.
 */
function convertWithoutToneMapping(range: string): string[] {
  return [`colorspace=ispace=bt2020nc:iprimaries=bt2020:itrc=bt2020-10:irange=${range}:all=bt709:range=tv:format=yuv420p`];
}

/** Written explicitly: newer builds would copy the source's BT.2020/PQ tags, the 2018 one would write none. */
const BT709_TAGS = ['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709', '-color_range', 'tv'];

export function pictureFilters(picture: SourcePicture, capabilities: FfmpegCapabilities): PictureFilters {
  // DV reports no field order, but SD DV is interlaced by its standard (bottom field first)
  const interlaced = INTERLACED_FIELD_ORDERS.includes(picture.fieldOrder) || picture.codec === 'dvvideo';
  const deinterlace = interlaced ? [DEINTERLACE] : [];
  const range = picture.colorRange === 'pc' ? 'pc' : 'tv';
  if (HDR_TRANSFERS.includes(picture.colorTransfer)) {
    const toSdr = capabilities.toneMapping ? toneMap(picture.colorTransfer, range) : convertWithoutToneMapping(range);
    return { deinterlace, toSdr, scaleOptions: '', colourTags: BT709_TAGS };
  }
  // yuvj formats say full range themselves, but a full-range yuv420p (VP9, HEVC) only in its tag,
  // which neither build's scale reads; the output, absent a tag, is limited range by definition
  const scaleOptions = range === 'pc' ? ':in_range=pc' : '';
  return { deinterlace, toSdr: [], scaleOptions, colourTags: [] };
}
