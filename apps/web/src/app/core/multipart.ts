// Files in a GraphQL operation's variables, sent by Apollo's HTTP link as a GraphQL multipart request.
import type { DefaultContext } from '@apollo/client';

/** Context of an operation that carries files: multipart, with the header Apollo Server's CSRF prevention wants for it. */
export const MULTIPART_CONTEXT: DefaultContext = {
  useMultipart: true,
  headers: { 'apollo-require-preflight': 'true' },
};

/**
 * apollo-angular's `extractFiles` (the contract of the `extract-files` package): a copy of the
 * body with each File or Blob replaced by null, and the object paths where each one was.
 */
export function extractFiles(body: unknown): {
  clone: unknown;
  files: Map<Blob, string[]>;
} {
  const files = new Map<Blob, string[]>();
  const walk = (value: unknown, path: string): unknown => {
    if (value instanceof Blob) {
      files.set(value, [...(files.get(value) ?? []), path]);
      return null;
    }
    const at = (key: string | number) => (path ? `${path}.${key}` : `${key}`);
    if (Array.isArray(value)) return value.map((item, i) => walk(item, at(i)));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, at(key))]));
    return value;
  };
  return { clone: walk(body, ''), files };
}
