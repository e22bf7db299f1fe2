// The online request's workflow (request-<id>) in Temporal's time-skipping environment with the
// app's real activities and database: staff ask for more, the family is reminded once, answers,
// staff are reminded while the request waits, then accept with a message or refuse with a reason;
// every step written on the request and mailed.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../../activities/index.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addFamilyReply, familyRequest, submitRequest } from '../../db/queries/requests/online-requests.ts';
import { createRequestForm } from '../../db/queries/requests/request-forms.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createParent, createStaff } from '../../test/helpers/accounts.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { createTestWorker, createTimeSkippingEnv, uniqueTaskQueue } from '../../test/helpers/temporal.ts';
import { workflowsPath } from '../../worker.ts';
import { approvalState, approveRequest, documentsSubmitted, onlineRequestWorkflowId, refuseRequest, requestDocuments } from './approval.messages.ts';
import { onlineRequest } from './online-request.ts';
import { testDocumentStore } from '../../test/helpers/documents.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
let env: TestWorkflowEnvironment;
let staffId: number;
let formId: number;

beforeAll(async () => {
  env = await createTimeSkippingEnv();
  await loadDemoCatalogue(database.db, '2026-11-27');
  staffId = (await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe'])).id;
  const commune = await database.db.selectFrom('communes').select('id').where('slug', '=', 'aiguilhe').executeTakeFirstOrThrow();
  const form = await createRequestForm(database.db, {
    communeId: commune.id, title: 'Occupation de la salle des fêtes', description: '', staffId,
    fields: [{ key: 'champ_1', label: 'Date souhaitée', kind: 'date', required: true }],
  });
  if (form === 'title-taken') throw new Error('form exists');
  formId = form;
}, 60_000);
afterAll(async () => {
  await env?.teardown();
});

async function withWorker<T>(work: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = uniqueTaskQueue('request');
  const activities = createActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: testNow, publicUrl: 'http://localhost:3000', documents: testDocumentStore() });
  const worker = await createTestWorker({ connection: env.nativeConnection, taskQueue, workflowsPath, activities });
  return worker.runUntil(() => work(taskQueue));
}

const mailsTo = (recipient: string) => database.db.selectFrom('outbox_mails').select(['subject', 'text_body']).where('recipient', '=', recipient).orderBy('id').execute();

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never happened');
}

describe('onlineRequest', () => {
  it('asks for more, reminds the family once, takes its answer, reminds staff, then accepts with a message', async () => {
    const parent = await createParent(database.db, 'salle@example.fr', { status: 'validated', commune: 'aiguilhe' });
    const requestId = await submitRequest(database.db, { formId, userId: parent.id, answers: { champ_1: '2027-03-13' } });
    const status = async () => (await familyRequest(database.db, parent.id, requestId))!.status;
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(onlineRequest, { taskQueue, workflowId: onlineRequestWorkflowId(requestId), args: [{ requestId }] });
      await handle.signal(requestDocuments, { staffId, message: "Joignez l'attestation d'assurance." });
      await waitFor(async () => (await status()) === 'documents-requested');
      await env.sleep('8 days');
      const subjects = (await mailsTo('salle@example.fr')).map((m) => m.subject);
      expect(subjects).toEqual(['Complément demandé : Occupation de la salle des fêtes', 'Rappel : complément attendu pour Occupation de la salle des fêtes']);

      expect(await addFamilyReply(database.db, { requestId, userId: parent.id, body: 'Voici l’attestation.', documentId: null })).toBe(true);
      await handle.signal(documentsSubmitted, { documentId: 0 });
      await waitFor(async () => (await handle.query(approvalState)).status === 'waiting-staff');
      await env.sleep('4 days');
      expect((await mailsTo('agent@aiguilhe.fr')).map((m) => m.subject)).toEqual(['Démarche en attente : Occupation de la salle des fêtes']);

      await handle.signal(approveRequest, { staffId, message: 'La clé est à retirer en mairie le vendredi.' });
      expect(await handle.result()).toMatchObject({ status: 'approved', text: 'La clé est à retirer en mairie le vendredi.' });
    });
    const request = (await familyRequest(database.db, parent.id, requestId))!;
    expect(request.status).toBe('approved');
    expect(request.decided_at).not.toBeNull();
    expect(request.messages.map((m) => [m.from_staff, m.body])).toEqual([
      [true, "Joignez l'attestation d'assurance."],
      [false, 'Voici l’attestation.'],
      [true, 'La clé est à retirer en mairie le vendredi.'],
    ]);
    const last = (await mailsTo('salle@example.fr')).at(-1)!;
    expect(last.subject).toBe('Demande acceptée : Occupation de la salle des fêtes');
    expect(last.text_body).toContain('La clé est à retirer en mairie le vendredi.');
  });

  it('refuses with the reason, written on the request and mailed; a late approval changes nothing', async () => {
    const parent = await createParent(database.db, 'refus@example.fr', { status: 'validated', commune: 'aiguilhe' });
    const requestId = await submitRequest(database.db, { formId, userId: parent.id, answers: { champ_1: '2027-04-10' } });
    await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(onlineRequest, { taskQueue, workflowId: onlineRequestWorkflowId(requestId), args: [{ requestId }] });
      await handle.signal(refuseRequest, { staffId, reason: 'La salle est déjà louée ce jour-là.' });
      await handle.signal(approveRequest, { staffId });
      expect((await handle.result()).status).toBe('refused');
    });
    const request = (await familyRequest(database.db, parent.id, requestId))!;
    expect(request.status).toBe('refused');
    expect(request.messages.map((m) => m.body)).toEqual(['La salle est déjà louée ce jour-là.']);
    expect(await addFamilyReply(database.db, { requestId, userId: parent.id, body: 'Et le 11 ?', documentId: null })).toBe(false);
    expect((await mailsTo('refus@example.fr')).map((m) => m.subject)).toEqual(['Demande refusée : Occupation de la salle des fêtes']);
  });
});
