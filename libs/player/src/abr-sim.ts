/** The ABR simulator, its traces, ladders, QoE and baselines: for specs and benchmarks (Node only). */
export * from './lib/abr-sim/baselines/buffer-based-abr';
export * from './lib/abr-sim/baselines/hlsjs-default-abr';
export * from './lib/abr-sim/baselines/throughput-abr';
export * from './lib/abr-sim/ladder';
export * from './lib/abr-sim/qoe';
export * from './lib/abr-sim/simulator';
export * from './lib/abr-sim/synthetic-traces';
export * from './lib/abr-sim/trace';
export * from './lib/abr-sim/trace-folder';
export * from './lib/abr-sim/trace-formats';
export * from './lib/abr-sim/summary';
