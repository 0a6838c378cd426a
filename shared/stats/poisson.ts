import { poissonCdf } from './distributions.ts';

/**
 * One-sided exact Poisson tests of an observed count against an expected rate λ:
 * `above` = P(X ≥ k | λ) (is k surprisingly high?), `below` = P(X ≤ k | λ) (surprisingly low?).
 */
export function poissonTest(observed: number, expected: number): { above: number; below: number } {
  return { above: 1 - poissonCdf(observed - 1, expected), below: poissonCdf(observed, expected) };
}
