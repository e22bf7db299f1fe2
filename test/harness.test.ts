// Proves the Temporal side of the harness: a time-skipping environment crosses a real 3-day
// timer at once, and a worker with real activities runs on the run's dev server, where a failing
// SMTP server makes the mail activity retry until it is delivered exactly once.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import { createMailer } from '../lib/mail/mailer.ts';
import { useTestDatabase } from './helpers/database.ts';
import { startSmtpServer } from './helpers/smtp.ts';
import { connectClient, connectWorker, createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from './helpers/temporal.ts';
import { remindAfter } from './fixtures/workflows.ts';
import { testDocumentStore } from './helpers/documents.ts';
import { testNow } from './helpers/clock.ts';

const workflowsPath = fileURLToPath(new URL('./fixtures/workflows.ts', import.meta.url));
const database = useTestDatabase();

describe('time-skipping environment', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('crosses a 3-day timer without waiting, with mocked activities', async () => {
    const sent: { to: string; at: number }[] = [];
    const taskQueue = uniqueTaskQueue();
    const worker = await createTestWorker({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      activities: {
        sendMail: async (input: { to: string }) => {
          sent.push({ to: input.to, at: await env.currentTimeMs() });
          return 'sent';
        },
      },
    });
    const startedAt = await env.currentTimeMs();
    const wallStart = performance.now();
    const result = await worker.runUntil(
      env.client.workflow.execute(remindAfter, { taskQueue, workflowId: 'remind-time-skip', args: [{ to: 'parent@example.fr', delay: '3 days' }] }),
    );
    expect(result).toBe('sent');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.at - startedAt).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
    // Skipped, not waited: the whole run takes a tiny fraction of three days.
    expect(performance.now() - wallStart).toBeLessThan(60_000);
  });
});

describe('worker with real activities on the dev server', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connectClient();
  });
  afterAll(async () => {
    await client.connection.close();
  });

  it('retries a refused SMTP delivery and sends the mail once', async () => {
    const smtp = await startSmtpServer();
    const mailer = createMailer({ smtpUrl: smtp.url, from: 'ne-pas-repondre@citoyens.test' });
    const connection = await connectWorker();
    const taskQueue = uniqueTaskQueue();
    try {
      const worker = await createTestWorker({
        connection,
        taskQueue,
        workflowsPath,
        activities: createActivities({ db: database.db, mailer, now: testNow, publicUrl: 'http://localhost:3000', documents: testDocumentStore() }),
      });
      smtp.failNext(2);
      const workflowId = `remind-real-${taskQueue}`;
      const result = await worker.runUntil(
        client.workflow.execute(remindAfter, { taskQueue, workflowId, args: [{ to: 'retry@example.fr', delay: '1 second' }] }),
      );
      expect(result).toBe('sent');
      const mail = await smtp.waitFor('retry@example.fr');
      expect(mail.subject).toBe('Rappel : pièces justificatives');
      expect(smtp.messages).toHaveLength(1);
      const row = await database.db.selectFrom('outbox_mails').select(['status', 'attempts']).where('idempotency_key', '=', `${workflowId}/reminder`).executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'sent', attempts: 3 });

      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      const timers = history.events?.filter((event) => event.timerStartedEventAttributes) ?? [];
      expect(timers).toHaveLength(1);
    } finally {
      await connection.close();
      mailer.close();
      await smtp.close();
    }
  });
});
