export * from './commands.ts';
export * from './state.ts';
export * from './reducer.ts';
export * from './rules.ts';
export * from './projection.ts';
export * from './replica.ts';
export * from './patch.ts';
