/** Test doubles for code that uses the player: a fake hls.js and media element. */
export * from './lib/fake-hls';
