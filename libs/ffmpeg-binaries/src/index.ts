export * from './lib/binary-candidates';
export * from './lib/packaged-binary';
