import { capabilitiesFromFilters } from './ffmpeg-capabilities';

const legend = ['Filters:', '  T.. = Timeline support', '  .S. = Slice threading', '  ..C = Command support', '  | = Source or sink filter'];
const line = (flags: string, name: string, pads = 'V->V') => ` ${flags} ${name.padEnd(17)} ${pads.padEnd(10)} A filter.`;
const filters = (...lines: string[]) => [...legend, ...lines, ''].join('\n');

describe('capabilitiesFromFilters', () => {
  it.each([
    ['Debian 5.1 (zscale with libzimg, tonemap)', true, filters(line('TS.', 'bwdif'), line('.S.', 'tonemap'), line('.SC', 'zscale'), line('...', 'sine', '|->A'))],
    ['the 2018 static build (same filters, older flags)', true, filters(line('...', 'tonemap'), line('..C', 'zscale'))],
    ['a build without libzimg', false, filters(line('...', 'tonemap'), line('TS.', 'colorspace'))],
    ['a build without tonemap', false, filters(line('..C', 'zscale'))],
    ['only tonemap_opencl and zscale_cuda, which need a GPU', false, filters(line('...', 'tonemap_opencl'), line('...', 'zscale_cuda'))],
    ['a name that only appears in a description', false, ['Filters:', ' ... foo               V->V       Not zscale or tonemap.'].join('\n')],
    ['no output (`-filters` failed)', false, ''],
  ])('%s → tone mapping %s', (_name, toneMapping, output) => {
    expect(capabilitiesFromFilters(output)).toEqual({ toneMapping });
  });
});
