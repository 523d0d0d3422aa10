module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js'],
  // Upload, transcode and play in a real browser: minutes, not seconds, on a slow CI runner.
  testTimeout: 300_000,
  maxWorkers: 1,
};
