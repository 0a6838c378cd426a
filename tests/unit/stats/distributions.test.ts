import { describe, expect, it } from 'vitest';
import {
  betaRegularised,
  logGamma,
  normalCdf,
  normalTwoSidedP,
  poissonCdf,
  studentTwoSidedP,
} from '../../../shared/stats/distributions.ts';

describe('distribution functions against hand and table values', () => {
  it('ln Γ at integers and at one half', () => {
    // Γ(5) = 4! = 24; Γ(1/2) = √π.
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('the regularised incomplete beta function', () => {
    // For integer a, b: I_x(a, b) = Σ_{j=a}^{a+b−1} C(a+b−1, j) xʲ (1−x)^{a+b−1−j}.
    // I_0.5(2, 3) = (C(4,2) + C(4,3) + C(4,4)) / 16 = (6 + 4 + 1)/16 = 0.6875.
    expect(betaRegularised(0.5, 2, 3)).toBeCloseTo(0.6875, 10);
    // I_0.2(1, 1) = x = 0.2; the edges are 0 and 1.
    expect(betaRegularised(0.2, 1, 1)).toBeCloseTo(0.2, 12);
    expect(betaRegularised(0, 2, 3)).toBe(0);
    expect(betaRegularised(1, 2, 3)).toBe(1);
  });
  it("Student's t, two-sided, against the table", () => {
    // Table: t = 2.0 with 10 df → two-sided p = 0.0734; t₀.₉₇₅,₁₀ = 2.228 → p = 0.05.
    expect(studentTwoSidedP(2, 10)).toBeCloseTo(0.0734, 4);
    expect(studentTwoSidedP(-2, 10)).toBeCloseTo(0.0734, 4);
    expect(studentTwoSidedP(2.228, 10)).toBeCloseTo(0.05, 4);
    // One df is the Cauchy distribution: P(|T| ≥ 1) = 1 − 2·arctan(1)/π = 0.5 exactly.
    expect(studentTwoSidedP(1, 1)).toBeCloseTo(0.5, 10);
    // t = 0 leaves everything: p = 1; many df approach the normal: t = 1.96 → 0.05.
    expect(studentTwoSidedP(0, 7)).toBeCloseTo(1, 12);
    expect(studentTwoSidedP(1.959964, 1e7)).toBeCloseTo(0.05, 5);
  });
  it('the normal distribution', () => {
    // Φ(0) = ½; Φ(1.959964) = 0.975; P(|Z| ≥ 1) = 0.3173.
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
    expect(normalTwoSidedP(1)).toBeCloseTo(0.3173, 4);
  });
  it('the Poisson CDF summed exactly', () => {
    // P(X ≤ 5 | λ = 2) = e⁻²(1 + 2 + 2 + 4/3 + 2/3 + 4/15) = e⁻² · 7.26667 = 0.98344.
    expect(poissonCdf(5, 2)).toBeCloseTo(0.98344, 5);
    // P(X ≤ 0 | 3) = e⁻³ = 0.049787; nothing is below 0.
    expect(poissonCdf(0, 3)).toBeCloseTo(0.049787, 6);
    expect(poissonCdf(-1, 3)).toBe(0);
    // A large rate stays finite (e^−800 underflows on its own; the log-space sum does not).
    expect(poissonCdf(800, 800)).toBeCloseTo(0.5094, 3);
  });
});
