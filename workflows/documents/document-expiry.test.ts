// The document expiry watch in Temporal's time-skipping environment with the app's real
// activities and database: the parent told 30 days before the end, the document expired the day
// after its last day and the parent told again; a newer document accepted meanwhile replaces it.
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createParent } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { workflowsPath } from '../../worker.ts';
import { documentAccepted, documentExpiryWorkflowId } from './document-expiry.messages.ts';
import { documentExpiry } from './document-expiry.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
}, 60_000);
afterAll(async () => {
  await env?.teardown();
});

async function acceptedDocument(ownerId: number, expiresOn: string) {
  const row = await database.db
    .insertInto('documents')
    .values({ owner_id: ownerId, kind: 'attestation-caf', file_name: 'caf.pdf', mime_type: 'application/pdf', size_bytes: 10, sha256: 'c'.repeat(64), storage_key: randomBytes(32).toString('hex'), uploaded_at: testNow(), status: 'accepted', expires_on: expiresOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const statusOf = async (id: number) => (await database.db.selectFrom('documents').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const subjects = async (to: string) => (await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', to).orderBy('id').execute()).map((m) => m.subject);

async function withWorker<T>(work: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = uniqueTaskQueue('documents');
  const activities = createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost:3000', documents: testDocumentStore() });
  const worker = await createTestWorker({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  return worker.runUntil(() => work(taskQueue));
}

describe('documentExpiry', () => {
  it('tells the parent a month before, then marks the document expired and tells again', async () => {
    const parent = await createParent(database.db, 'caf@example.fr', { status: 'validated' });
    const today = parisDate(new Date(await env.currentTimeMs()));
    const expiresOn = addDays(today, 40);
    const documentId = await acceptedDocument(parent.id, expiresOn);
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(documentExpiry, { taskQueue, workflowId: documentExpiryWorkflowId(parent.id, 'attestation-caf'), args: [{ userId: parent.id, kind: 'attestation-caf', documentId, expiresOn }] });
      await env.sleep('8 days');
      expect(await subjects('caf@example.fr')).toEqual([]);
      await env.sleep('4 days');
      expect(await subjects('caf@example.fr')).toEqual(['Votre attestation CAF arrive à échéance']);
      expect(await statusOf(documentId)).toBe('accepted');
      expect(await handle.result()).toBe('expired');
    });
    expect(await statusOf(documentId)).toBe('expired');
    expect(await subjects('caf@example.fr')).toEqual(['Votre attestation CAF arrive à échéance', 'Votre attestation CAF a expiré']);
  });

  it('tells nothing the moment a document is accepted inside its last 30 days (a CAF attestation in December): only that it expired', async () => {
    const parent = await createParent(database.db, 'caf-decembre@example.fr', { status: 'validated' });
    const today = parisDate(new Date(await env.currentTimeMs()));
    const expiresOn = addDays(today, 20);
    const documentId = await acceptedDocument(parent.id, expiresOn);
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(documentExpiry, { taskQueue, workflowId: documentExpiryWorkflowId(parent.id, 'attestation-caf'), args: [{ userId: parent.id, kind: 'attestation-caf', documentId, expiresOn }] });
      await env.sleep('1 day');
      expect(await subjects('caf-decembre@example.fr')).toEqual([]);
      expect(await handle.result()).toBe('expired');
    });
    expect(await subjects('caf-decembre@example.fr')).toEqual(['Votre attestation CAF a expiré']);
  });

  it('watches the newer document once one is accepted, leaving the older one alone', async () => {
    const parent = await createParent(database.db, 'caf-neuve@example.fr', { status: 'validated' });
    const today = parisDate(new Date(await env.currentTimeMs()));
    const older = await acceptedDocument(parent.id, addDays(today, 35));
    const newer = await acceptedDocument(parent.id, addDays(today, 400));
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(documentExpiry, {
        taskQueue, workflowId: documentExpiryWorkflowId(parent.id, 'attestation-caf'), args: [{ userId: parent.id, kind: 'attestation-caf', documentId: older, expiresOn: addDays(today, 35) }],
      });
      await handle.signal(documentAccepted, { documentId: newer, expiresOn: addDays(today, 400) });
      await env.sleep('60 days');
      expect(await subjects('caf-neuve@example.fr')).toEqual([]);
      await handle.terminate('the rest of the year is not this test');
    });
    expect(await statusOf(older)).toBe('accepted');
    expect(await statusOf(newer)).toBe('accepted');
  });
});
