// The yearly registration workflow in the time-skipping environment, its activities mocked: the
// family reminded at the opening, two weeks before the close and the day before, then staff's
// summary at the close; none after the family completes (by its signal, or found complete by the
// reminder when the signal was lost); and a finished run's history replays under this code.
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue, workflowBundle } from '../../test/helpers/temporal.ts';
import { until } from '../../test/helpers/until.ts';
import { registrationCompleted, registrationWorkflowId, type RegistrationInput, type RegistrationReminder } from './registration.messages.ts';
import { registration } from './registration.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
}, 60_000);
afterAll(async () => {
  await env?.teardown();
});

/** What the mocked activities were asked, and whether the database would say the family is complete. */
function mockedActivities(options: { completeInDatabase?: () => boolean } = {}) {
  const calls: string[] = [];
  return {
    calls,
    activities: {
      async remindRegistration(input: { campaignId: number; userId: number; reminder: RegistrationReminder }) {
        if (options.completeInDatabase?.()) return 'complete' as const;
        calls.push(input.reminder);
        return 'sent' as const;
      },
      async mailRegistrationSummary(input: { campaignId: number }) {
        calls.push(`summary-${input.campaignId}`);
      },
    },
  };
}

/** A campaign opening in an hour and closing in 24 days, on the environment's clock. */
async function inputFor(campaignId: number, userId: number): Promise<RegistrationInput> {
  const start = await env.currentTimeMs();
  const at = (ms: number) => new Date(start + ms).toISOString();
  return { campaignId, userId, remindAt: { opening: at(HOUR), 'two-weeks': at(10 * DAY), 'day-before': at(23 * DAY) }, endsAt: at(24 * DAY) };
}

async function run<T>(activities: object, work: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = uniqueTaskQueue('registration');
  const worker = await createTestWorker({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  return worker.runUntil(work(taskQueue));
}

describe('registration workflow', () => {
  let finishedId = '';

  it('reminds at the opening, two weeks and the day before the close, then sends staff the summary', async () => {
    const mock = mockedActivities();
    const input = await inputFor(1, 10);
    finishedId = registrationWorkflowId(1, 10);
    const result = await run(mock.activities, (taskQueue) => env.client.workflow.execute(registration, { taskQueue, workflowId: finishedId, args: [input] }));
    expect(result).toEqual({ complete: false, reminded: ['opening', 'two-weeks', 'day-before'] });
    expect(mock.calls).toEqual(['opening', 'two-weeks', 'day-before', 'summary-1']);
  });

  it('sends no reminder once the family completes (its signal, sent twice), and still the summary at the close', async () => {
    const mock = mockedActivities();
    const input = await inputFor(2, 20);
    const result = await run(mock.activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(registration, { taskQueue, workflowId: registrationWorkflowId(2, 20), args: [input] });
      await env.sleep(2 * HOUR);
      await until(async () => mock.calls.includes('opening'), Boolean);
      await handle.signal(registrationCompleted);
      await handle.signal(registrationCompleted);
      return handle.result();
    });
    expect(result).toEqual({ complete: true, reminded: ['opening'] });
    expect(mock.calls).toEqual(['opening', 'summary-2']);
  });

  it('stops reminding when the database says the family is complete (its signal lost)', async () => {
    let complete = false;
    const mock = mockedActivities({ completeInDatabase: () => complete });
    const input = await inputFor(3, 30);
    const result = await run(mock.activities, async (taskQueue) => {
      const handle = await env.client.workflow.start(registration, { taskQueue, workflowId: registrationWorkflowId(3, 30), args: [input] });
      await env.sleep(2 * HOUR);
      await until(async () => mock.calls.includes('opening'), Boolean);
      complete = true;
      return handle.result();
    });
    expect(result).toEqual({ complete: true, reminded: ['opening'] });
    expect(mock.calls).toEqual(['opening', 'summary-3']);
  });

  it('started after the reminders’ days (opened late): the opening’s reminder at once, none of a day gone', async () => {
    const mock = mockedActivities();
    const start = await env.currentTimeMs();
    const at = (ms: number) => new Date(start + ms).toISOString();
    const input: RegistrationInput = { campaignId: 4, userId: 40, remindAt: { opening: at(-20 * DAY), 'two-weeks': at(-DAY), 'day-before': at(5 * DAY) }, endsAt: at(6 * DAY) };
    const result = await run(mock.activities, (taskQueue) => env.client.workflow.execute(registration, { taskQueue, workflowId: registrationWorkflowId(4, 40), args: [input] }));
    expect(result.reminded).toEqual(['opening', 'day-before']);
  });

  it('a finished run replays under the current code', async () => {
    const history = await env.client.workflow.getHandle(finishedId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle(workflowsPath, 0) }, history, finishedId);
  });
});
