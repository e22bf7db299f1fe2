// Latency figures: percentiles of recorded durations, in milliseconds.

export class Timings {
  private readonly samples = new Map<string, number[]>();

  record(step: string, ms: number): void {
    const list = this.samples.get(step) ?? [];
    list.push(ms);
    this.samples.set(step, list);
  }

  summary(): Record<string, { count: number; p50: number; p95: number; p99: number }> {
    return Object.fromEntries(
      [...this.samples.entries()].map(([step, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
        return [step, { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) }];
      }),
    );
  }
}

/** Runs `count` tasks with at most `concurrency` at once. */
export async function pool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}
