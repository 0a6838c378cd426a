export * from './distributions.ts';
export * from './tests.ts';
export * from './poisson.ts';
export * from './trend.ts';
export * from './kpi-difference.ts';
