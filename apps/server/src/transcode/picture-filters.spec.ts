import { pictureFilters, SourcePicture } from './picture-filters';

const progressiveSdr: SourcePicture = { codec: 'h264', colorTransfer: 'bt709', colorRange: 'tv', fieldOrder: 'progressive' };

/** Which of the four pieces a source gets: deinterlaced, converted to SDR (and how), read as full range, tagged. */
function summary(picture: Partial<SourcePicture>, toneMapping = true) {
  const f = pictureFilters({ ...progressiveSdr, ...picture }, { toneMapping });
  return {
    deinterlaced: f.deinterlace.length > 0,
    toSdr: f.toSdr.map((filter) => filter.split('=')[0]).join(',') || null,
    fullRangeIn: f.scaleOptions.includes('in_range=pc'),
    taggedBt709: f.colourTags.includes('bt709'),
  };
}

const asIs = { deinterlaced: false, toSdr: null, fullRangeIn: false, taggedBt709: false };
const zimgChain = 'zscale,format,zscale,tonemap,zscale,format';

describe('pictureFilters', () => {
  it.each([
    ['progressive', {}, asIs],
    ['field order unknown (most phone and screen recordings)', { fieldOrder: 'unknown' }, asIs],
    ['tt: top field coded and shown first', { fieldOrder: 'tt' }, { ...asIs, deinterlaced: true }],
    ['bb: bottom field first (DV, many SD sources)', { fieldOrder: 'bb' }, { ...asIs, deinterlaced: true }],
    ['tb: top coded first, bottom shown first', { fieldOrder: 'tb' }, { ...asIs, deinterlaced: true }],
    ['bt: bottom coded first, top shown first', { fieldOrder: 'bt' }, { ...asIs, deinterlaced: true }],
    ['DV without a field order', { codec: 'dvvideo', fieldOrder: 'unknown' }, { ...asIs, deinterlaced: true }],
    ['PQ (HDR10)', { colorTransfer: 'smpte2084' }, { ...asIs, toSdr: zimgChain, taggedBt709: true }],
    ['HLG', { colorTransfer: 'arib-std-b67' }, { ...asIs, toSdr: zimgChain, taggedBt709: true }],
    ['BT.2020 SDR (10-bit transfer), not HDR', { colorTransfer: 'bt2020-10' }, asIs],
    ['BT.601 (smpte170m)', { colorTransfer: 'smpte170m' }, asIs],
    ['untagged', { colorTransfer: 'unknown', colorRange: 'unknown' }, asIs],
    ['full range', { colorRange: 'pc' }, { ...asIs, fullRangeIn: true }],
    ['full-range HDR: zscale reads the range, so the scales must not', { colorTransfer: 'smpte2084', colorRange: 'pc' }, { ...asIs, toSdr: zimgChain, taggedBt709: true }],
  ] as [string, Partial<SourcePicture>, ReturnType<typeof summary>][])('%s', (_name, picture, expected) => {
    expect(summary(picture)).toEqual(expected);
  });

  it.each([
    ['PQ', 'smpte2084'],
    ['HLG', 'arib-std-b67'],
  ])('converts %s with colorspace, still tagged BT.709, on a build without zscale', (_name, colorTransfer) => {
    expect(summary({ colorTransfer }, false)).toEqual({ ...asIs, toSdr: 'colorspace', taggedBt709: true });
  });
});
