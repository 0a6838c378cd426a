/** The quarter before or after `quarter` (YYYYQn), across years: 2026Q1 − 1 is 2025Q4. */
export function shiftQuarter(quarter: string, by: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(5)) - 1 + by;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}
