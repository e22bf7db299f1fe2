// A family's online requests: submitted with their answers, read by the family and by staff of
// the form's commune, answered by staff (the request-<id> workflow records each decision here,
// once), and completed by the family when staff ask for more.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { OnlineRequestStatus } from '../../request-tables.ts';
import { readRequestFields, type RequestAnswers } from '../../../domain/request-forms.ts';

export async function submitRequest(db: Db, input: { formId: number; userId: number; answers: RequestAnswers }): Promise<number> {
  const row = await db.insertInto('online_requests').values({ form_id: input.formId, user_id: input.userId, answers: JSON.stringify(input.answers) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const withForm = (db: Db) =>
  db
    .selectFrom('online_requests')
    .innerJoin('request_forms', 'request_forms.id', 'online_requests.form_id')
    .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
    .innerJoin('users', 'users.id', 'online_requests.user_id')
    .select([
      'online_requests.id', 'online_requests.status', 'online_requests.created_at', 'online_requests.decided_at', 'online_requests.answers', 'online_requests.user_id',
      'request_forms.title', 'request_forms.fields', 'request_forms.commune_id', 'communes.name as commune', 'users.email', 'users.first_name', 'users.last_name',
    ]);

/** The family's requests, newest first. */
export function familyRequests(db: Db, userId: number) {
  return withForm(db).where('online_requests.user_id', '=', userId).orderBy('online_requests.id', 'desc').execute();
}

async function withMessages(db: Db, request: Awaited<ReturnType<ReturnType<typeof withForm>['executeTakeFirst']>>) {
  if (!request) return undefined;
  const messages = await db
    .selectFrom('request_messages')
    .leftJoin('documents', 'documents.id', 'request_messages.document_id')
    .select(['request_messages.id', 'request_messages.from_staff', 'request_messages.body', 'request_messages.created_at', 'request_messages.document_id', 'documents.file_name'])
    .where('request_messages.request_id', '=', request.id)
    .orderBy('request_messages.id')
    .execute();
  const fields = readRequestFields(request.fields);
  // A text answer may be any number: only a file field's answer names a document.
  const fileIds = fields.filter((field) => field.kind === 'file').map((field) => request.answers[field.key] ?? '').filter((value) => /^\d{1,12}$/.test(value)).map(Number);
  const files = fileIds.length > 0 ? await db.selectFrom('documents').select(['id', 'file_name']).where('id', 'in', fileIds).where('owner_id', '=', request.user_id).execute() : [];
  return { ...request, fields, messages, files };
}

/** One of the family's requests with its form, answers and messages; undefined when not theirs. */
export async function familyRequest(db: Db, userId: number, requestId: number) {
  return withMessages(db, await withForm(db).where('online_requests.id', '=', requestId).where('online_requests.user_id', '=', userId).executeTakeFirst());
}

/** A request of these communes' forms with its answers and messages; undefined when none of theirs. */
export async function staffRequest(db: Db, communeIds: number[], requestId: number) {
  if (communeIds.length === 0) return undefined;
  return withMessages(db, await withForm(db).where('online_requests.id', '=', requestId).where('request_forms.commune_id', 'in', communeIds).executeTakeFirst());
}

const QUEUE_ORDER = sql<number>`case online_requests.status when 'waiting-staff' then 0 when 'documents-requested' then 1 else 2 end`;

/** The requests of these communes' forms: those waiting for staff first, the oldest first. */
export function requestQueue(db: Db, communeIds: number[], filter: { status: OnlineRequestStatus | 'all'; formId?: number | undefined }, limit = 200) {
  if (communeIds.length === 0) return Promise.resolve([]);
  let query = withForm(db).where('request_forms.commune_id', 'in', communeIds);
  if (filter.status !== 'all') query = query.where('online_requests.status', '=', filter.status);
  if (filter.formId !== undefined) query = query.where('online_requests.form_id', '=', filter.formId);
  return query.orderBy(QUEUE_ORDER).orderBy('online_requests.id').limit(limit).execute();
}

/**
 * The family's reply when staff asked for more: a message and maybe a file; the request waits
 * for staff again. False when the request is not waiting for the family.
 */
export async function addFamilyReply(db: Db, input: { requestId: number; userId: number; body: string; documentId: number | null }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('online_requests')
      .set({ status: 'waiting-staff' })
      .where('id', '=', input.requestId)
      .where('user_id', '=', input.userId)
      .where('status', '=', 'documents-requested')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await trx.insertInto('request_messages').values({ request_id: input.requestId, author_id: input.userId, from_staff: false, body: input.body, document_id: input.documentId }).execute();
    return true;
  });
}

/** A staff decision (the approval workflow's, whose shape this repeats). */
export type RequestDecision = { kind: 'approved'; message?: string } | { kind: 'refused'; reason: string } | { kind: 'documents-requested'; message: string };

/**
 * A staff decision: the status and, if any, staff's message. Called once per decision, in the
 * transaction whose audit entry's key guards the activity's retries.
 */
export async function recordRequestDecision(trx: Db, input: { requestId: number; decision: RequestDecision; staffId: number; now: Date }): Promise<void> {
  const { decision } = input;
  const status: OnlineRequestStatus = decision.kind;
  const decided = decision.kind !== 'documents-requested';
  await trx
    .updateTable('online_requests')
    .set({ status, ...(decided ? { decided_at: input.now, decided_by: input.staffId } : {}) })
    .where('id', '=', input.requestId)
    .execute();
  const body = decision.kind === 'refused' ? decision.reason : decision.kind === 'documents-requested' ? decision.message : (decision.message ?? '');
  if (body) {
    await trx
      .insertInto('request_messages')
      .values({ request_id: input.requestId, author_id: input.staffId, from_staff: true, body })
      .execute();
  }
}

/** What the mails and reminders of a request say. */
export function requestForMail(db: Db, requestId: number) {
  return withForm(db).where('online_requests.id', '=', requestId).executeTakeFirstOrThrow();
}
