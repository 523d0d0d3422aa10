export * from './lib/generated/graphql';
