// Turns the server's GraphQL errors into messages placed next to the form fields they concern.
export const UPLOAD_FIELDS = [
  'file',
  'resolutions',
  'segmentDuration',
  'title',
] as const;
export type UploadField = (typeof UPLOAD_FIELDS)[number];
export type FieldErrors = Partial<Record<UploadField, string>>;

/** Input fields of createResumableUpload that the form shows as the file's. */
const FILE_FIELDS: Readonly<Record<string, UploadField>> = {
  filename: 'file',
  size: 'file',
};

export interface GraphQLErrorLike {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

export interface SortedErrors {
  readonly fieldErrors: FieldErrors;
  /** Errors that concern no single field (or whose field the form does not show). */
  readonly general: string | null;
}

export function sortUploadErrors(
  errors: readonly GraphQLErrorLike[],
): SortedErrors {
  const fieldErrors: FieldErrors = {};
  const general: string[] = [];
  for (const error of errors) {
    const reported = error.extensions?.['field'];
    const field =
      typeof reported === 'string'
        ? (FILE_FIELDS[reported] ?? reported)
        : reported;
    if (
      error.extensions?.['code'] === 'BAD_USER_INPUT' &&
      isUploadField(field)
    ) {
      fieldErrors[field] = fieldErrors[field]
        ? `${fieldErrors[field]} ${error.message}`
        : error.message;
    } else {
      general.push(error.message);
    }
  }
  return { fieldErrors, general: general.length ? general.join(' ') : null };
}

export function isUploadField(value: unknown): value is UploadField {
  return (
    typeof value === 'string' &&
    (UPLOAD_FIELDS as readonly string[]).includes(value)
  );
}

/** GraphQL errors from a response body, whatever the HTTP status was. */
export function graphqlErrorsOf(body: unknown): GraphQLErrorLike[] | null {
  if (typeof body === 'string') {
    try {
      return graphqlErrorsOf(JSON.parse(body));
    } catch {
      return null;
    }
  }
  if (!body || typeof body !== 'object') return null;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors.map((e) => ({
    message: typeof e?.message === 'string' ? e.message : 'Unknown error',
    extensions:
      e && typeof e.extensions === 'object' ? e.extensions : undefined,
  }));
}
