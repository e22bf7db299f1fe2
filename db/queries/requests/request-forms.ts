// The forms of the online requests: created by staff for one of their communes, unpublished until
// published, then offered to families under « Démarches en ligne »; edited while no family has
// answered them (after, only their title and presentation change). Audited.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { readRequestFields, type RequestField } from '../../../domain/request-forms.ts';
import { isUniqueViolation } from '../../errors.ts';
import { recordAudit } from '../staff/index.ts';

export async function createRequestForm(db: Db, input: { communeId: number; title: string; description: string; fields: RequestField[]; staffId: number }): Promise<number | 'title-taken'> {
  try {
    return await db.transaction().execute(async (trx) => {
      const form = await trx
        .insertInto('request_forms')
        .values({ commune_id: input.communeId, title: input.title, description: input.description, fields: JSON.stringify(input.fields), created_by: input.staffId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { actorId: input.staffId, action: 'request-form.created', subject: { type: 'request-form', id: form.id }, details: { title: input.title, fields: input.fields } });
      return form.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'request_forms_commune_title_key')) return 'title-taken';
    throw error;
  }
}

/** The forms of these communes with how many of their requests wait for staff. */
export function requestFormsForStaff(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('request_forms')
    .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
    .select([
      'request_forms.id', 'request_forms.title', 'request_forms.published', 'communes.name as commune',
      sql<number>`(select count(*)::int from online_requests r where r.form_id = request_forms.id and r.status = 'waiting-staff')`.as('waiting'),
    ])
    .where('request_forms.commune_id', 'in', communeIds)
    .orderBy('communes.name')
    .orderBy('request_forms.title')
    .execute();
}

export function requestFormInCommunes(db: Db, formId: number, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve(undefined);
  return db.selectFrom('request_forms').select(['id', 'title', 'published']).where('id', '=', formId).where('commune_id', 'in', communeIds).executeTakeFirst();
}

export async function setRequestFormPublished(db: Db, formId: number, published: boolean, staffId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('request_forms').set({ published }).where('id', '=', formId).execute();
    await recordAudit(trx, { actorId: staffId, action: published ? 'request-form.published' : 'request-form.unpublished', subject: { type: 'request-form', id: formId }, details: {} });
  });
}

/** The published forms, of one commune or of all, for the catalogue's « Démarches en ligne ». */
export function publishedRequestForms(db: Db, communeId?: number) {
  let query = db
    .selectFrom('request_forms')
    .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
    .select(['request_forms.id', 'request_forms.title', 'request_forms.description', 'communes.name as commune'])
    .where('request_forms.published', '=', true);
  if (communeId !== undefined) query = query.where('request_forms.commune_id', '=', communeId);
  return query.orderBy('communes.name').orderBy('request_forms.title').execute();
}

/** A published form with its fields, for the family's page. */
export async function publishedRequestForm(db: Db, formId: number) {
  const form = await db
    .selectFrom('request_forms')
    .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
    .select(['request_forms.id', 'request_forms.title', 'request_forms.description', 'request_forms.fields', 'request_forms.commune_id', 'communes.name as commune'])
    .where('request_forms.id', '=', formId)
    .where('request_forms.published', '=', true)
    .executeTakeFirst();
  return form ? { ...form, fields: readRequestFields(form.fields) } : undefined;
}

/** A form of these communes as its edit page shows it, with how many requests answered it. */
export async function requestFormForEdit(db: Db, formId: number, communeIds: number[]) {
  if (communeIds.length === 0) return undefined;
  const form = await db
    .selectFrom('request_forms')
    .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
    .select([
      'request_forms.id', 'request_forms.title', 'request_forms.description', 'request_forms.fields', 'request_forms.published', 'communes.name as commune',
      sql<number>`(select count(*)::int from online_requests r where r.form_id = request_forms.id)`.as('answered'),
    ])
    .where('request_forms.id', '=', formId)
    .where('request_forms.commune_id', 'in', communeIds)
    .executeTakeFirst();
  if (!form) return undefined;
  const fields = readRequestFields(form.fields);
  return { ...form, fields, version: formVersion({ ...form, fields }) };
}

/**
 * What the edit page showed, in a few characters sent back with its post: a form changed since
 * (by a colleague, or answered by a family) is then shown again as it is, never overwritten.
 */
export function formVersion(form: { title: string; description: string; fields: RequestField[]; answered: number }): string {
  const seen = JSON.stringify([form.title, form.description, form.fields, form.answered > 0]);
  return createHash('sha256').update(seen).digest('hex').slice(0, 16);
}

export type FormEdit = 'saved' | 'changed' | 'answered' | 'title-taken';

/**
 * Saves a form's title and presentation, and its fields unless `fields` is null. The fields of a
 * form a family answered never change: its requests are read against them. The form's row is
 * locked, which a request's insert waits for (its foreign key), so none arrives in between.
 */
export async function updateRequestForm(db: Db, input: { formId: number; version: string; title: string; description: string; fields: RequestField[] | null; staffId: number }): Promise<FormEdit> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('request_forms').select(['title', 'description', 'fields']).where('id', '=', input.formId).forUpdate().executeTakeFirstOrThrow();
      const { answered } = await trx.selectFrom('online_requests').select(sql<number>`count(*)::int`.as('answered')).where('form_id', '=', input.formId).executeTakeFirstOrThrow();
      const fields = readRequestFields(before.fields);
      if (formVersion({ ...before, fields, answered }) !== input.version) return 'changed';
      if (input.fields && answered > 0 && JSON.stringify(input.fields) !== JSON.stringify(fields)) return 'answered';
      const after = { title: input.title, description: input.description, fields: input.fields ?? fields };
      await trx.updateTable('request_forms').set({ ...after, fields: JSON.stringify(after.fields) }).where('id', '=', input.formId).execute();
      await recordAudit(trx, { actorId: input.staffId, action: 'request-form.updated', subject: { type: 'request-form', id: input.formId }, details: { before: { ...before, fields }, after } });
      return 'saved';
    });
  } catch (error) {
    if (isUniqueViolation(error, 'request_forms_commune_title_key')) return 'title-taken';
    throw error;
  }
}
