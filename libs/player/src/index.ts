export * from './lib/abr-controller';
export * from './lib/abr-policy';
export * from './lib/adaptive-player';
export * from './lib/ewma-bandwidth-estimator';
export * from './lib/hls-abr-adapter';
export * from './lib/hls-types';
export * from './lib/media-metrics';
export * from './lib/stats-history';
