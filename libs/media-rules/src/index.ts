export * from './lib/upload-rules';
export * from './lib/ladder-planner';
