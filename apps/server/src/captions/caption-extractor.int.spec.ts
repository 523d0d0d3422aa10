import { ffmpegPath, ffprobePath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { MediaProbe } from '../ffmpeg/media-probe';
import { ProcessRunner } from '../ffmpeg/process-runner';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { CaptionExtractor } from './caption-extractor';

describe('CaptionExtractor with real ffmpeg', () => {
  let root: string;
  const runner = new ProcessRunner();
  const binaries = new FfmpegBinaries({ path: ffmpegPath(), version: 'test' }, { path: ffprobePath(), version: 'test' }, { toneMapping: false });

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'cmm-caption-extractor-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('turns SubRip and ASS tracks of a Matroska source into WebVTT captions, labelled from their tags', async () => {
    const clip = makeClip(join(root, 'plain.mp4'), { seconds: 3 });
    const srt = join(root, 'en.srt');
    writeFileSync(srt, '1\n00:00:00,500 --> 00:00:01,500\n<i>Hello</i>\n');
    mkdirSync(join(root, 'clip', 'source'), { recursive: true });
    const source = join(root, 'clip', 'source', 'clip.mkv');
    execFileSync(ffmpegPath(), [
      ...['-v', 'error', '-y', '-i', clip, '-i', srt, '-i', srt, '-map', '0', '-map', '1', '-map', '2', '-c:v', 'copy', '-c:a', 'copy'],
      ...['-c:s:0', 'srt', '-c:s:1', 'ass', '-metadata:s:s:0', 'language=eng', '-metadata:s:s:0', 'title=English SDH', '-metadata:s:s:1', 'language=eng'],
      source,
    ]);
    const storage = new LocalDiskStorage(root);
    const probe = await new MediaProbe(binaries, runner, new AppConfig()).probe(source);
    expect(probe.subtitles.map((s) => s.codec)).toEqual(['subrip', 'ass']);

    const extracted = await new CaptionExtractor(storage, runner, binaries).extract({ playlistId: 'clip', sourceKey: 'clip/source/clip.mkv', probe, build: 'clip/.work/b' });

    expect(extracted).toEqual({
      captions: [
        { language: 'en', label: 'English SDH', source: 'extracted', path: 'stream/captions/en.vtt', playlist: 'stream/captions/en.m3u8' },
        { language: 'en-x-s3', label: 'English', source: 'extracted', path: 'stream/captions/en-x-s3.vtt', playlist: 'stream/captions/en-x-s3.m3u8' },
      ],
      skipped: [],
    });
    // times as ffmpeg puts them on the output timeline, which the encode shares: shifted by the
    // source's start time (here the AAC priming the mp4 had, tens of milliseconds)
    expect(readFileSync(join(root, 'clip/stream/captions/en.vtt'), 'utf8')).toMatch(/^WEBVTT\n\n00:00:00\.5\d\d --> 00:00:01\.5\d\d\n<i>Hello<\/i>\n$/);
    expect(readFileSync(join(root, 'clip/stream/captions/en-x-s3.vtt'), 'utf8')).toMatch(/^WEBVTT\n\n00:00:00\.5\d\d --> 00:00:01\.5\d\d\n.*Hello/);
  });
});
