/** Content types a browser may send cross-site without a preflight (a plain HTML form can). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'] as const;

export const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a ' +
  "'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, " +
  `text/plain) or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}`;

type Headers = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** The request's media type, lower case, without parameters. */
export function mediaTypeOf(headers: Headers): string {
  return first(headers['content-type']).split(';')[0].trim().toLowerCase();
}

/**
 * Apollo Server's csrfPrevention rule: a browser must have sent a preflight for this request,
 * because of its content type or one of Apollo's headers. Apollo checks it only after
 * graphql-upload has read a multipart body, so multipart requests are checked with this first.
 */
export function isPreflighted(headers: Headers): boolean {
  const type = mediaTypeOf(headers);
  if (type !== '' && !SIMPLE_CONTENT_TYPES.has(type)) return true;
  return PREFLIGHT_HEADERS.some((name) => first(headers[name]).trim() !== '');
}
