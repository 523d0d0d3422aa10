import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareUploadTempDir } from './upload-temp-dir';

describe('prepareUploadTempDir', () => {
  let media: string;
  beforeEach(() => (media = mkdtempSync(join(tmpdir(), 'cmm-upload-tmp-'))));
  afterEach(() => rmSync(media, { recursive: true, force: true }));

  it('creates the folder inside the media folder on a first start', async () => {
    expect(await prepareUploadTempDir(media)).toEqual({ path: join(media, '.uploads'), swept: 0 });
    expect(existsSync(join(media, '.uploads'))).toBe(true);
  });

  it('sweeps the buffers a crash left and counts them', async () => {
    mkdirSync(join(media, '.uploads'));
    writeFileSync(join(media, '.uploads', 'capacitor-1a2b.tmp'), 'half an upload');
    writeFileSync(join(media, '.uploads', 'capacitor-3c4d.tmp'), 'another');
    expect((await prepareUploadTempDir(media)).swept).toBe(2);
    expect(readdirSync(join(media, '.uploads'))).toEqual([]);
  });
});
