export * from './lib/upload-rules';
