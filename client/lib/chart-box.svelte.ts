import type { Metric } from '../../shared/fields.ts';

/** Each metric's range of values: the y axis of its charts. */
export const METRIC_SCALE: Record<Metric, [number, number]> = {
  nps: [-100, 100],
  csat: [0, 100],
  ces: [1, 7],
  rating: [1, 5],
};

/** The y axis's labelled values of a metric's chart: quarters of a percentage scale, each point of a short one. */
export function metricTicks(metric: Metric): number[] {
  const [low, high] = METRIC_SCALE[metric];
  if (low < 0) return [-100, -50, 0, 50, 100];
  if (metric === 'csat') return [0, 25, 50, 75, 100];
  return Array.from({ length: high - low + 1 }, (_, index) => low + index);
}

/**
 * A chart's box, followed as it resizes: the drawing is as wide as its box (at least 280 px), so
 * 11 px labels stay 11 px on a phone and thin out to fit. A ResizeObserver of its own, since
 * bind:clientWidth would add Svelte's general one to every page's entry. Made in a component's setup.
 */
export class ChartBox {
  element = $state<HTMLDivElement>();
  private measured = $state(640);
  readonly width = $derived(Math.max(280, Math.round(this.measured)));

  constructor() {
    $effect(() => {
      const element = this.element;
      if (!element) return;
      const observer = new ResizeObserver(([entry]) => (this.measured = entry?.contentRect.width ?? this.measured));
      observer.observe(element);
      return () => observer.disconnect();
    });
  }
}
