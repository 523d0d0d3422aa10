/** ffprobe argument arrays, as data so their specs can assert them exactly. */
import { inputArgs } from './input-args';

/** Container and every stream, as JSON; reads headers only, so it is fast even for large files. */
export function probeArgs(inputPath: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...inputArgs(inputPath)];
}

/**
 * The streams of an encoded rendition with their extradata (`-show_data`): the avcC and
 * AudioSpecificConfig bytes there are exactly what RFC 6381 codec strings are made of.
 */
export function codecDetailsArgs(initSegmentPath: string): string[] {
  return [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_data',
    '-show_entries',
    'stream=index,codec_type,codec_name,profile,level,width,height,channels,extradata',
    ...inputArgs(initSegmentPath, 'mov'),
  ];
}
