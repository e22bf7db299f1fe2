// Open-loop arrivals: parents arrive at a constant rate whatever the answers, and each one's
// latency counts from their scheduled arrival (HdrHistogram), so a slow answer delays nobody's
// arrival and hides nothing. One step at one rate, with the CPU of each piece and the SQL
// statements it cost per confirmed order.
import * as hdr from 'hdr-histogram-js';
import { resetQueryStats, statementsSoFar } from './query-stats.ts';
import type { BenchStack, Piece } from './stack.ts';
import type { Outcome } from './virtual-parent.ts';

export interface StepResult {
  rate: number;
  arrivals: number;
  confirmed: number;
  /** Arrivals whose outcome was not the one they set out for (a buyer not confirmed, an error). */
  failed: number;
  /** Arrivals not yet answered when the step's time was up. */
  backlogAtEnd: number;
  /** Confirmed orders per second, from the step's first arrival to its last answer. */
  achievedPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** p99 of the step's first and second halves: a queue that grows shows as drift. */
  p99HalvesMs: [number, number];
  cpuMsPerOrder: Record<Piece | 'generator' | 'total', number>;
  statementsPerOrder: number | null;
  sustained: boolean;
}

/**
 * Runs `rate × seconds` arrivals; `arrive(i)` plays the i-th parent of the step and says what it
 * set out to do, so that a parent who leaves their cart on purpose is not a failure.
 */
export async function runStep(stack: BenchStack, rate: number, seconds: number, arrive: (i: number) => { expected: Outcome; run: Promise<Outcome> }): Promise<StepResult> {
  const n = rate * seconds;
  const histogram = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000, numberOfSignificantValueDigits: 3 });
  const halves = [hdr.build(), hdr.build()];
  const queries = await resetQueryStats(stack.db);
  const cpuBefore = await stack.cpuNow();
  const generatorBefore = process.cpuUsage();
  let answered = 0;
  let confirmed = 0;
  let failed = 0;
  let lastAnswer = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < n; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { expected, run } = arrive(i);
    pending.push(
      run.then((outcome) => {
        const done = performance.now();
        answered += 1;
        lastAnswer = done;
        if (outcome !== expected) failed += 1;
        if (outcome !== 'confirmed') return;
        confirmed += 1;
        histogram.recordValue(Math.max(1, Math.round(done - due)));
        halves[i < n / 2 ? 0 : 1]!.recordValue(Math.max(1, Math.round(done - due)));
      }),
    );
  }
  const end = start + seconds * 1000;
  if (end > performance.now()) await new Promise((resolve) => setTimeout(resolve, end - performance.now()));
  const backlogAtEnd = n - answered;
  await Promise.all(pending);
  const generator = process.cpuUsage(generatorBefore);
  const cpu = await stack.cpuSince(cpuBefore);
  const statements = queries ? await statementsSoFar(stack.db) : null;
  const perOrder = (cpuSeconds: number) => Math.round((cpuSeconds * 1000) / Math.max(confirmed, 1));
  const cpuMs = { ...Object.fromEntries(Object.entries(cpu).map(([piece, s]) => [piece, perOrder(s)])), generator: perOrder((generator.user + generator.system) / 1e6) } as Record<Piece | 'generator', number>;
  const p99Halves: [number, number] = [halves[0]!.getValueAtPercentile(99), halves[1]!.getValueAtPercentile(99)];
  const result: StepResult = {
    rate,
    arrivals: n,
    confirmed,
    failed,
    backlogAtEnd,
    achievedPerSecond: Math.round((confirmed / ((lastAnswer - start) / 1000)) * 10) / 10,
    latencyMs: { p50: histogram.getValueAtPercentile(50), p95: histogram.getValueAtPercentile(95), p99: histogram.getValueAtPercentile(99), max: histogram.maxValue },
    p99HalvesMs: p99Halves,
    cpuMsPerOrder: { ...cpuMs, total: Object.values(cpuMs).reduce((a, b) => a + b, 0) },
    statementsPerOrder: statements === null ? null : Math.round((statements / Math.max(confirmed, 1)) * 10) / 10,
    // Kept up: every arrival as it meant, no more than two seconds of arrivals waiting when the
    // step ended, and no p99 drift from its first half to its second.
    sustained: failed === 0 && backlogAtEnd <= rate * 2 && p99Halves[1] <= p99Halves[0] * 1.5 + 250,
  };
  histogram.destroy();
  for (const half of halves) half.destroy();
  return result;
}
