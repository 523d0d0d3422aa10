// GraphQL Code Generator: typed document nodes for the web app's operations, checked against the committed SDL.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  overwrite: true,
  schema: 'libs/api-schema/schema.graphql',
  documents: ['apps/web/src/app/**/*.graphql'],
  generates: {
    'libs/api-schema/src/lib/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: {
          Upload: 'File',
          DateTime: 'string',
        },
        enumType: 'string-literal',
        useTypeImports: true,
        dedupeFragments: true,
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
};

export default config;
