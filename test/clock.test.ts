// The product's clock in the harness: the shift AS_OF gives reaches the workflows on the dev server
// (written into their bundle), the tests' clock and the time-skipping environments alike, so that a
// hold's end computed in a workflow and compared in an activity mean the same instant on any day
// the suite runs at.
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { clockOffsetMs } from '../lib/clock.ts';
import { testNow } from './helpers/clock.ts';
import { connectClient, connectWorker, createTimeSkippingEnv, uniqueTaskQueue, workflowBundle } from './helpers/temporal.ts';
import { productClock } from './fixtures/workflows.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));
const DAY = 86_400_000;

/** What `productClock` reads when its bundle carries `shiftMs`, run on the dev server. */
async function workflowClock(shiftMs: number): Promise<number> {
  const connection = await connectWorker();
  const client = await connectClient();
  const taskQueue = uniqueTaskQueue('clock');
  try {
    const worker = await Worker.create({ connection, taskQueue, workflowBundle: await workflowBundle(workflowsPath, shiftMs) });
    return await worker.runUntil(client.workflow.execute(productClock, { taskQueue, workflowId: `clock-${taskQueue}` }));
  } finally {
    await client.connection.close();
    await connection.close();
  }
}

describe("the product's clock", () => {
  it('moves the workflows by the shift written into their bundle', async () => {
    const read = await workflowClock(400 * DAY);
    // eslint-disable-next-line no-restricted-syntax -- the machine's clock is what the shift is measured from
    expect(Math.abs(read - (Date.now() + 400 * DAY))).toBeLessThan(60_000);
  });

  it("shows the tests' time in the workflows of the dev server and in a time-skipping environment", async () => {
    expect(Math.abs((await workflowClock(clockOffsetMs())) - testNow().getTime())).toBeLessThan(60_000);
    const env = await createTimeSkippingEnv();
    try {
      expect(Math.abs((await env.currentTimeMs()) - testNow().getTime())).toBeLessThan(60_000);
    } finally {
      await env.teardown();
    }
  });
});
