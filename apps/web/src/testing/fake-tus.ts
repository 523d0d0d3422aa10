// A stand-in for tus-js-client that lets a spec play the tus server's part.
import type {
  HttpRequest,
  HttpResponse,
  PreviousUpload,
  UploadOptions,
} from 'tus-js-client';
import {
  TUS_TRANSFER,
  type TusTransfer,
  type TusTransferFactory,
} from '../app/upload/tus-transfer';

function response(
  status: number,
  headers: Record<string, string> = {},
  body = '',
): HttpResponse {
  return {
    getStatus: () => status,
    getHeader: (name) => headers[name],
    getBody: () => body,
    getUnderlyingObject: () => null,
  };
}

function request(
  method: string,
): HttpRequest & { headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  return {
    headers,
    getMethod: () => method,
    getURL: () => '',
    setHeader: (name, value) => (headers[name] = value),
    getHeader: (name) => headers[name],
    setProgressHandler: () => undefined,
    send: () => Promise.resolve(response(204)),
    abort: () => Promise.resolve(),
    getUnderlyingObject: () => null,
  };
}

export class FakeTusTransfer implements TusTransfer {
  starts = 0;
  readonly aborts: boolean[] = [];
  resumedFrom: PreviousUpload | null = null;

  constructor(
    readonly file: File,
    readonly options: UploadOptions,
    private readonly previous: PreviousUpload[],
  ) {}

  start(): void {
    this.starts++;
  }

  abort(shouldTerminate = false): Promise<void> {
    this.aborts.push(shouldTerminate);
    return Promise.resolve();
  }

  findPreviousUploads(): Promise<PreviousUpload[]> {
    return Promise.resolve(this.previous);
  }

  resumeFromPreviousUpload(previous: PreviousUpload): void {
    this.resumedFrom = previous;
  }

  /** The headers tus-js-client would send on a request, after the app's hook ran. */
  async headersOf(method: string): Promise<Record<string, string>> {
    const req = request(method);
    await this.options.onBeforeRequest?.(req);
    return req.headers;
  }

  /** The server's answer to the HEAD that opens every (re)start: how many bytes it has. */
  answerHead(offset: number): void {
    void this.options.onAfterResponse?.(
      request('HEAD'),
      response(200, { 'Upload-Offset': String(offset) }),
    );
  }

  progress(sent: number): void {
    this.options.onProgress?.(sent, this.file.size);
  }

  succeed(): void {
    this.options.onSuccess?.({ lastResponse: response(204) });
  }

  /** tus-js-client giving up: with the server's answer, or none (the network). */
  fail(status?: number, body = ''): void {
    const error = Object.assign(new Error('tus: upload failed'), {
      originalRequest: request('PATCH'),
      originalResponse:
        status === undefined ? null : response(status, {}, body),
      causingError: null,
    });
    this.options.onError?.(error);
  }
}

/** Provides TUS_TRANSFER with fakes; `transfers` lists every one the app created, in order. */
export function fakeTus(previous: PreviousUpload[] = []) {
  const transfers: FakeTusTransfer[] = [];
  const factory: TusTransferFactory = (file, options) => {
    const transfer = new FakeTusTransfer(file, options, previous);
    transfers.push(transfer);
    return transfer;
  };
  return { transfers, provider: { provide: TUS_TRANSFER, useValue: factory } };
}
