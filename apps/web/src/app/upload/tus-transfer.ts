// tus-js-client behind an injection token: specs replace it with a fake that plays the server's part.
import { InjectionToken } from '@angular/core';
import { type PreviousUpload, Upload, type UploadOptions } from 'tus-js-client';

/** What the upload service uses of a tus-js-client `Upload`. */
export interface TusTransfer {
  readonly options: UploadOptions;
  start(): void;
  abort(shouldTerminate?: boolean): Promise<void>;
  findPreviousUploads(): Promise<PreviousUpload[]>;
  resumeFromPreviousUpload(previous: PreviousUpload): void;
}

export type TusTransferFactory = (
  file: File,
  options: UploadOptions,
) => TusTransfer;

export const TUS_TRANSFER = new InjectionToken<TusTransferFactory>(
  'tus transfer',
  {
    providedIn: 'root',
    factory: () => (file, options) => new Upload(file, options),
  },
);
