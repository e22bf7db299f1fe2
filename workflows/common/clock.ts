// Workflow time on the product's clock. Outside production, `AS_OF` moves the activities' and the
// pages' clock (lib/clock.ts); the bundler writes the same shift here (0 in production, and in the
// time-skipping tests, whose server is itself moved), so that an instant computed by a workflow (a
// hold's end) and one compared by an activity mean the same moment.
declare const __CLOCK_OFFSET_MS__: number | undefined;

const offsetMs = typeof __CLOCK_OFFSET_MS__ === 'number' ? __CLOCK_OFFSET_MS__ : 0;

/** Milliseconds since the epoch, as the activities' clock reads them. */
export function workflowNow(): number {
  return Date.now() + offsetMs;
}
