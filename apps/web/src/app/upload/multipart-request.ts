// Builds a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec) for one file.
import { print, type DocumentNode } from 'graphql';

/**
 * `operations` carries the query with the file variable nulled, `map` says which form field
 * fills which variable path, and the file itself follows as field `0`.
 */
export function buildMultipartBody(
  document: DocumentNode,
  variables: Record<string, unknown>,
  file: { path: string; file: Blob; filename: string },
): FormData {
  const operationName = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  )?.name?.value;
  const body = new FormData();
  body.append(
    'operations',
    JSON.stringify({
      query: print(document),
      operationName,
      variables: setPath(variables, file.path, null),
    }),
  );
  body.append('map', JSON.stringify({ 0: [file.path] }));
  body.append('0', file.file, file.filename);
  return body;
}

function setPath(
  variables: Record<string, unknown>,
  path: string,
  value: null,
): Record<string, unknown> {
  const [root, ...rest] = path.split('.');
  if (root !== 'variables' || rest.length !== 1)
    throw new Error(`Unsupported file path ${path}`);
  return { ...variables, [rest[0]]: value };
}
