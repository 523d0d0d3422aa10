// Turns the server's GraphQL errors into messages placed next to the upload form's fields.
import {
  type GraphQLErrorLike,
  type SortedErrors,
  sortFieldErrors,
} from '../shared/field-errors';

export { type GraphQLErrorLike, graphqlErrorsOf } from '../shared/field-errors';

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

export function sortUploadErrors(
  errors: readonly GraphQLErrorLike[],
): SortedErrors<UploadField> {
  return sortFieldErrors(errors, UPLOAD_FIELDS, FILE_FIELDS);
}

export function isUploadField(value: unknown): value is UploadField {
  return (
    typeof value === 'string' &&
    (UPLOAD_FIELDS as readonly string[]).includes(value)
  );
}
