import { ProcessingFailure } from '../errors/domain-error';
import { diagnoseFailure } from './failure-diagnosis';

const { TruncatedFile, UnreadableContainer, EncoderFailed, StorageFull } = ProcessingFailure;

// stderr excerpts as ffmpeg 4.1 (2018) and 5.1 print them
describe('diagnoseFailure', () => {
  it.each([
    [
      'an mp4 cut before its moov atom',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x6a67200] moov atom not found\ncut.mp4: Invalid data found when processing input\n',
      1,
      TruncatedFile,
      /index \(moov atom\) is missing/,
    ],
    [
      'a faststart mp4 whose media data stops early',
      '[h264 @ 0x3c2532c0] Invalid NAL unit size (4274 > 3267).\n[mov,mp4,m4a,3gp,3g2,mj2 @ 0x3c224d00] stream 1, offset 0x3bbf9: partial file\ncutfast.mp4: Invalid data found when processing input\n',
      0,
      TruncatedFile,
      /truncated: its media data ends/,
    ],
    ['a cut-off mkv', '[matroska,webm @ 0x55] File ended prematurely at pos. 1048576 (0x100000)\n', 0, TruncatedFile, /truncated/],
    ['a text file named .mkv', 'notes.mkv: Invalid data found when processing input\n', 1, UnreadableContainer, /container is unknown or damaged/],
    [
      'a codec without decoder',
      "[NULL @ 0x55] Decoder (codec prores_raw) not found for input stream #0:0\n",
      1,
      UnreadableContainer,
      /cannot decode \(prores_raw\)/,
    ],
    ['a full disk', '[hls @ 0x55] Failed to open file: No space left on device\n', 1, StorageFull, /^The server ran out of storage space while processing/],
    ['an encoder that cannot open', '[libx264 @ 0x55] height not divisible by 2 (320x241)\nError initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height\n', 1, EncoderFailed, /^Encoding failed \(exit code 1\): Error initializing output stream 0:0/],
    ['a crash', 'frame=   75 fps=0.0 q=-1.0 size=N/A\n', null, EncoderFailed, /^The encoder crashed \(SIGSEGV\)/],
    ['silence and an exit code', '', 69, EncoderFailed, /^Encoding failed \(exit code 69\)\.$/],
  ])('%s', (_name, stderr, exitCode, failure, message) => {
    const diagnosis = diagnoseFailure(stderr, { exitCode, signal: exitCode === null ? 'SIGSEGV' : null });
    expect(diagnosis.failure).toBe(failure);
    expect(diagnosis.message).toMatch(message);
  });
});
