// The approval mechanism, through its two workflows, in Temporal's time-skipping environment,
// with activities mocked as plain objects that record their calls.
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionMailKind } from '../../activities/approvals/subject.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { accountValidation } from './account-validation.ts';
import { approvalState, approveRequest, documentsSubmitted, refuseRequest, requestDocuments, type ApprovalDecision } from './approval.messages.ts';
import { subscriptionApproval } from './subscription-approval.ts';

const workflowsPath = fileURLToPath(new URL('../index.ts', import.meta.url));
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});

interface Calls {
  decisions: { key: string; decision: ApprovalDecision }[];
  mails: { key: string; kind: DecisionMailKind; text?: string; at: number }[];
  staffReminders: { key: string; at: number }[];
}

async function setup(): Promise<{ worker: Worker; taskQueue: string; calls: Calls }> {
  const calls: Calls = { decisions: [], mails: [], staffReminders: [] };
  const taskQueue = uniqueTaskQueue('account');
  const worker = await createTestWorker({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath,
    activities: {
      recordDecision: async (input: { key: string; decision: ApprovalDecision }) => {
        calls.decisions.push({ key: input.key, decision: input.decision });
      },
      sendDecisionMail: async (input: { key: string; kind: DecisionMailKind; text: string | null }) => {
        calls.mails.push({ key: input.key, kind: input.kind, ...(input.text ? { text: input.text } : {}), at: await env.currentTimeMs() });
      },
      remindStaff: async (input: { key: string }) => {
        calls.staffReminders.push({ key: input.key, at: await env.currentTimeMs() });
        return 1;
      },
    },
  });
  return { worker, taskQueue, calls };
}

const DAY = 24 * 3600 * 1000;

function start(taskQueue: string, userId: number, hasDocuments = true) {
  return env.client.workflow.start(accountValidation, {
    taskQueue,
    workflowId: `account-validation-${userId}`,
    args: [{ userId, hasDocuments }],
  });
}

describe('accountValidation', () => {
  it('approves: records the decision, mails the parent, and ignores a second approve', async () => {
    const { worker, taskQueue, calls } = await setup();
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, 1);
      expect((await handle.query(approvalState)).status).toBe('waiting-staff');
      await handle.signal(approveRequest, { staffId: 7 });
      await handle.signal(approveRequest, { staffId: 8 });
      const result = await handle.result();
      expect(result.status).toBe('approved');
    });
    expect(calls.decisions).toEqual([{ key: 'account-validation-1/approved', decision: { kind: 'approved' } }]);
    expect(calls.mails.map((m) => [m.key, m.kind])).toEqual([['account-validation-1/mail-approved', 'approved']]);
  });

  it('rejects with the reason, which the parent is told; an approval sent after it, before the workflow first ran, changes nothing', async () => {
    const { worker, taskQueue, calls } = await setup();
    // No worker yet (as after an outage): both signals wait for the workflow's first run together.
    const handle = await start(taskQueue, 2);
    await handle.signal(refuseRequest, { staffId: 7, reason: 'Justificatif de domicile illisible' });
    await handle.signal(approveRequest, { staffId: 7 });
    const result = await worker.runUntil(() => handle.result());
    expect(result).toMatchObject({ status: 'refused', text: 'Justificatif de domicile illisible' });
    expect(calls.decisions.map((d) => d.decision)).toEqual([{ kind: 'refused', reason: 'Justificatif de domicile illisible' }]);
    expect(calls.mails.map((m) => [m.kind, m.text])).toEqual([['refused', 'Justificatif de domicile illisible']]);
  });

  it('requests documents, waits for them, then approves', async () => {
    const { worker, taskQueue, calls } = await setup();
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, 3);
      await handle.signal(requestDocuments, { staffId: 7, message: "Merci d'ajouter l'attestation CAF." });
      await waitForStatus(handle, 'documents-requested');
      // Approving is possible, but a second request while one is pending is not.
      await handle.signal(requestDocuments, { staffId: 7, message: 'Encore ?' });
      await handle.signal(documentsSubmitted, { documentId: 10 });
      await waitForStatus(handle, 'waiting-staff');
      await handle.signal(approveRequest, { staffId: 7 });
      expect((await handle.result()).status).toBe('approved');
    });
    expect(calls.decisions.map((d) => d.key)).toEqual(['account-validation-3/documents-requested-1', 'account-validation-3/approved']);
    expect(calls.mails.map((m) => m.kind)).toEqual(['documents-requested', 'approved']);
  });

  it('waits for documents when the parent has none, then for staff', async () => {
    const { worker, taskQueue, calls } = await setup();
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, 4, false);
      expect((await handle.query(approvalState)).status).toBe('waiting-documents');
      await env.sleep('10 days');
      expect(calls.staffReminders).toEqual([]);
      await handle.signal(documentsSubmitted, { documentId: 11 });
      await waitForStatus(handle, 'waiting-staff');
      await handle.signal(approveRequest, { staffId: 7 });
      await handle.result();
    });
  });

  it('reminds staff every 3 days of waiting, and the parent 7 days after a request', async () => {
    const { worker, taskQueue, calls } = await setup();
    await worker.runUntil(async () => {
      const handle = await start(taskQueue, 5);
      const startedAt = await env.currentTimeMs();
      await env.sleep('7 days');
      expect(calls.staffReminders.map((r) => r.key)).toEqual(['account-validation-5/staff-reminder-1', 'account-validation-5/staff-reminder-2']);
      expect(calls.staffReminders[0]!.at - startedAt).toBeGreaterThanOrEqual(3 * DAY);
      expect(calls.staffReminders[0]!.at - startedAt).toBeLessThan(4 * DAY);

      await handle.signal(requestDocuments, { staffId: 7, message: 'Le livret de famille, svp.' });
      await waitForStatus(handle, 'documents-requested');
      const requestedAt = await env.currentTimeMs();
      await env.sleep('6 days');
      expect(calls.mails.filter((m) => m.kind === 'documents-reminder')).toEqual([]);
      await env.sleep('2 days');
      const reminders = calls.mails.filter((m) => m.kind === 'documents-reminder');
      expect(reminders.map((m) => [m.key, m.text])).toEqual([['account-validation-5/parent-reminder-1', 'Le livret de famille, svp.']]);
      // requestedAt is read a moment after the request was handled, hence the minute of slack.
      expect(reminders[0]!.at - requestedAt).toBeGreaterThanOrEqual(7 * DAY - 60_000);
      // One reminder per request, not one a week forever.
      await env.sleep('20 days');
      expect(calls.mails.filter((m) => m.kind === 'documents-reminder')).toHaveLength(1);
      expect((await handle.query(approvalState)).parentReminders).toBe(1);
      await handle.signal(refuseRequest, { staffId: 7, reason: 'Pièces jamais reçues' });
      expect((await handle.result()).status).toBe('refused');
    });
    expect(calls.staffReminders).toHaveLength(2);
  });
});

async function waitForStatus(handle: Awaited<ReturnType<typeof start>>, status: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await handle.query(approvalState)).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`status never became ${status}`);
}

describe('subscriptionApproval', () => {
  it('approves or refuses a subscription, reminds staff, and never asks for documents', async () => {
    const { worker, taskQueue, calls } = await setup();
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(subscriptionApproval, { taskQueue, workflowId: 'subscription-41', args: [{ subscriptionId: 41 }] });
      expect((await handle.query(approvalState)).status).toBe('waiting-staff');
      await handle.signal(requestDocuments, { staffId: 7, message: 'Sans objet' });
      await env.sleep('4 days');
      expect(calls.staffReminders.map((r) => r.key)).toEqual(['subscription-41/staff-reminder-1']);
      await handle.signal(approveRequest, { staffId: 7 });
      expect((await handle.result()).status).toBe('approved');

      const refused = await env.client.workflow.start(subscriptionApproval, { taskQueue, workflowId: 'subscription-42', args: [{ subscriptionId: 42 }] });
      await refused.signal(refuseRequest, { staffId: 7, reason: 'Places réservées aux résidents' });
      expect(await refused.result()).toMatchObject({ status: 'refused', text: 'Places réservées aux résidents' });
    });
    expect(calls.decisions.map((d) => [d.key, d.decision.kind])).toEqual([
      ['subscription-41/approved', 'approved'],
      ['subscription-42/refused', 'refused'],
    ]);
    expect(calls.mails.map((m) => m.kind)).toEqual(['approved', 'refused']);
  });
});
