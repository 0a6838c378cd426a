import type { Area } from '../../../lib/i18n/areas.ts';

/**
 * The catalogue areas each step (by its file here) loads with its chunk, besides the board's own
 * (routes/areas.ts BOARD_AREAS): the check-in's KPI, pulse and effect charts need theirs, the read
 * step only the metric names.
 */
export const STEP_AREAS = {
  CheckinStep: ['feedback', 'pulse', 'actions'],
  FollowupStep: ['actions'],
  ReadStep: ['feedback'],
  GroupStep: ['feedback'],
  VoteStep: [],
  DecideStep: ['feedback'],
  WrapupStep: [],
} as const satisfies Record<string, readonly Area[]>;

export type StepFile = keyof typeof STEP_AREAS;
