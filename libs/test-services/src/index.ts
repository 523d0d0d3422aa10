export * from './lib/postgres';
