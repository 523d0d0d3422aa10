import { ConsoleLogger, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { ProcessRunner } from '../ffmpeg/process-runner';
import { StorageModule } from '../storage/storage.module';
import { TranscodePipeline } from './transcode-pipeline';
import { TranscodePipelineModule } from './transcode-pipeline.module';

describe('TranscodePipelineModule', () => {
  const config = Object.assign(new AppConfig(), { MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cmm-module-')) });
  const imports = [ConfigModule.forRoot(config), StorageModule, TranscodePipelineModule];

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('wires the pipeline with the ffmpeg found at start-up', async () => {
    const moduleRef = await Test.createTestingModule({ imports }).compile();
    expect(moduleRef.get(TranscodePipeline)).toBeInstanceOf(TranscodePipeline);
    expect(moduleRef.get(FfmpegBinaries).ffmpeg.version).toBeTruthy();
  });

  it('fails start-up when no ffmpeg runs', async () => {
    const failing = { run: () => Promise.reject(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' })) };
    await expect(Test.createTestingModule({ imports }).overrideProvider(ProcessRunner).useValue(failing).compile()).rejects.toThrow(/^No working ffmpeg found/);
  });
});
