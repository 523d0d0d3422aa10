import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessPolicy } from './access-policy';

/** Where tus clients send the bytes of an upload that `createResumableUpload` created. */
export const TUS_PATH = '/uploads/tus';

export const CREATE_WITH_MUTATION = 'Create resumable uploads with the createResumableUpload GraphQL mutation; this endpoint only receives their bytes';

const UPLOAD_ID = /^[A-Za-z0-9-]{1,128}$/;
/** tus requests that carry an upload's id: read its offset, send bytes, or give it up. */
const UPLOAD_METHODS = new Set(['HEAD', 'PATCH', 'DELETE']);

export interface TusRefusal {
  status: number;
  message: string;
  headers?: Record<string, string>;
}

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Whether a request to the tus endpoint may reach it, by the same rules as a GraphQL write: the
 * page's origin allowed, and a valid token in protected mode, on every request (HEAD included:
 * an offset tells how far an upload is). Uploads are created by the mutation only, so POST is
 * refused, and only ids in the form the mutation issues are looked up. CORS preflights pass.
 */
export function tusRefusal(req: { method?: string; url?: string; headers: Headers }, access: Pick<AccessPolicy, 'mayWrite' | 'refusal' | 'originAllowed'>): TusRefusal | null {
  if (req.method === 'OPTIONS') return null;
  if (!access.originAllowed(first(req.headers['origin']), first(req.headers['host']))) {
    return { status: 403, message: 'Uploads are not accepted from this page’s origin (see CORS_ORIGINS)' };
  }
  const authorization = req.headers['authorization'];
  if (!access.mayWrite(authorization)) return { status: 401, message: access.refusal(authorization).message, headers: { 'WWW-Authenticate': 'Bearer' } };
  if (req.method === 'POST') return { status: 403, message: CREATE_WITH_MUTATION };
  if (!UPLOAD_METHODS.has(req.method ?? '')) return { status: 405, message: `${req.method} is not a tus request this endpoint answers`, headers: { Allow: 'OPTIONS, HEAD, PATCH, DELETE' } };
  const path = (req.url ?? '').split('?')[0];
  const id = path.startsWith(`${TUS_PATH}/`) ? path.slice(TUS_PATH.length + 1) : '';
  if (!UPLOAD_ID.test(id)) return { status: 404, message: 'No such upload' };
  return null;
}

/** Answers refused tus requests (as tus servers do, in plain text) and hands the others to `next`. */
export function tusGuard(access: AccessPolicy, next: (req: IncomingMessage, res: ServerResponse) => void): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const refusal = tusRefusal(req, access);
    if (!refusal) return next(req, res);
    // the body is unread: close the connection rather than read a refused upload to its end
    res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Tus-Resumable': '1.0.0', Connection: 'close', ...refusal.headers });
    res.end(`${refusal.message}\n`);
  };
}
