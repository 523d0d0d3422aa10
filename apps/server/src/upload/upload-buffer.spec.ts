import { Writable } from 'node:stream';
import { bufferedUploadPath } from './upload-buffer';

/** The shape of fs-capacitor's WriteStream that bufferedUploadPath relies on (the e2e upload test runs the real one). */
function capacitor(path: string | null = '/uploads/capacitor-1.tmp'): Writable {
  const writer = new Writable({ autoDestroy: false, write: (_chunk, _encoding, done) => setImmediate(done) });
  writer.on('error', () => undefined);
  return Object.assign(writer, { _path: path });
}

const limit = () => Object.assign(new Error('File truncated as it exceeds the 1024 byte size limit.'), { status: 413 });

describe('bufferedUploadPath', () => {
  it.each([
    ['a file without a buffer (another upload library)', () => ({ filename: 'a.mp4' }), null],
    ['a buffer that keeps no path', () => ({ capacitor: new Writable({ write: (_c, _e, done) => done() }) }), null],
    [
      'a buffer already complete',
      () => {
        const buffer = capacitor();
        buffer.end('all of it');
        return { capacitor: buffer };
      },
      '/uploads/capacitor-1.tmp',
    ],
    [
      'a buffer completing later',
      () => {
        const buffer = capacitor();
        buffer.write('part');
        setTimeout(() => buffer.end('the rest'), 10);
        return { capacitor: buffer };
      },
      '/uploads/capacitor-1.tmp',
    ],
  ])('answers %s with %j', async (_name, file, expected) => {
    await expect(bufferedUploadPath(file())).resolves.toBe(expected);
  });

  it.each([
    [
      'over the size limit, with its 413',
      () => {
        const buffer = capacitor();
        buffer.write('part');
        setTimeout(() => buffer.destroy(limit()), 10);
        return { capacitor: buffer };
      },
      { status: 413 },
    ],
    [
      'released before it was complete (the client went away)',
      () => {
        const buffer = capacitor();
        buffer.write('part');
        setTimeout(() => buffer.destroy(), 10);
        return { capacitor: buffer };
      },
      { code: 'ERR_STREAM_PREMATURE_CLOSE' },
    ],
  ])('rejects a buffer %s', async (_name, file, error) => {
    await expect(bufferedUploadPath(file())).rejects.toMatchObject(error);
  });
});
