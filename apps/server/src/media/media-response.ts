import type { StoredFile } from '../storage/storage';
import { parseByteRange } from './byte-range';
import { cacheControlFor } from './cache-policy';
import { entityTag, isNotModified, rangeApplies } from './conditional-request';
import { contentTypeFor } from './content-type';

/** The request headers a media answer depends on (Node's names, already joined when repeated). */
export interface MediaRequest {
  method: string;
  range?: string;
  ifRange?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface MediaResponse {
  status: 200 | 206 | 304 | 416;
  /** Name, value, name, value…: what `writeHead` takes without building an object. */
  headers: string[];
  /** The bytes to send, inclusive; null when no body follows. */
  body: { start: number; end: number } | null;
}

/** Players on other origins read these to drive range requests and progress. */
export const CORS_HEADERS: readonly string[] = ['Access-Control-Allow-Origin', '*', 'Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified'];

/** The answer to an OPTIONS preflight for any media path. */
export const PREFLIGHT_HEADERS: readonly string[] = [
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods',
  'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers',
  'Range, If-Range, If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age',
  '86400',
];

/** The answer to a GET or HEAD of the published file `key` (see media-key.ts), decided before any byte is read. */
export function mediaResponse(key: string, file: StoredFile, request: MediaRequest): MediaResponse {
  const headers = [
    ...CORS_HEADERS,
    'Accept-Ranges',
    'bytes',
    'Content-Type',
    contentTypeFor(key),
    'Cache-Control',
    cacheControlFor(key),
    'ETag',
    entityTag(file),
    'Last-Modified',
    file.modifiedAt.toUTCString(),
    // Uploaded files are user content: never let a browser sniff one into HTML.
    'X-Content-Type-Options',
    'nosniff',
  ];
  if (isNotModified(request, file)) return { status: 304, headers, body: null };

  const range = rangeApplies(request.ifRange, file) ? parseByteRange(request.range, file.size) : ({ kind: 'none' } as const);
  if (range.kind === 'unsatisfiable') {
    headers.push('Content-Range', `bytes */${file.size}`);
    return { status: 416, headers, body: null };
  }
  const { start, end } = range.kind === 'partial' ? range : { start: 0, end: file.size - 1 };
  if (range.kind === 'partial') headers.push('Content-Range', `bytes ${start}-${end}/${file.size}`);
  headers.push('Content-Length', String(end - start + 1));
  return {
    status: range.kind === 'partial' ? 206 : 200,
    headers,
    body: request.method === 'HEAD' || end < start ? null : { start, end },
  };
}
