// The persons to call in an emergency and those who may collect the child. A removed person stays
// (soft removal): the departures staff recorded name them.
import type { Db } from '../../connection.ts';
import { recordChange } from './changes.ts';

export interface ContactFields {
  first_name: string;
  last_name: string;
  phone: string;
  relationship: string;
  is_emergency: boolean;
  may_collect: boolean;
}

/** The child's persons as they stand, by name. */
export function listContacts(db: Db, dependantId: number) {
  return db.selectFrom('child_contacts').selectAll().where('dependant_id', '=', dependantId).where('removed_at', 'is', null).orderBy('last_name').orderBy('first_name').orderBy('id').execute();
}

export type ContactRow = Awaited<ReturnType<typeof listContacts>>[number];

export function findContact(db: Db, dependantId: number, contactId: number) {
  return db.selectFrom('child_contacts').selectAll().where('dependant_id', '=', dependantId).where('id', '=', contactId).where('removed_at', 'is', null).executeTakeFirst();
}

const roles = (fields: Pick<ContactFields, 'is_emergency' | 'may_collect'>) =>
  [fields.is_emergency ? 'à prévenir' : null, fields.may_collect ? 'peut venir chercher l’enfant' : null].filter(Boolean).join(', ');
const named = (fields: Pick<ContactFields, 'first_name' | 'last_name' | 'relationship'>) => `${fields.first_name} ${fields.last_name} (${fields.relationship})`;

export async function addContact(db: Db, input: { dependantId: number; fields: ContactFields; userId: number; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('child_contacts')
      .values({ dependant_id: input.dependantId, ...input.fields, created_by: input.userId, created_at: input.now, updated_by: input.userId, updated_at: input.now })
      .execute();
    await recordChange(trx, { dependantId: input.dependantId, section: 'contacts', summary: `Personne ajoutée : ${named(input.fields)}, ${roles(input.fields)}`, userId: input.userId, now: input.now });
  });
}

/** Changes a person still listed; false when it is not (removed meanwhile, or another child's). Unchanged, nothing is written. */
export async function updateContact(db: Db, input: { dependantId: number; contactId: number; fields: ContactFields; userId: number; now: Date }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('child_contacts').selectAll().where('id', '=', input.contactId).where('dependant_id', '=', input.dependantId).where('removed_at', 'is', null).forUpdate().executeTakeFirst();
    if (!before) return false;
    const { fields } = input;
    if ((Object.keys(fields) as (keyof ContactFields)[]).every((key) => before[key] === fields[key])) return true;
    await trx.updateTable('child_contacts').set({ ...fields, updated_by: input.userId, updated_at: input.now }).where('id', '=', input.contactId).execute();
    await recordChange(trx, { dependantId: input.dependantId, section: 'contacts', summary: `Personne modifiée : ${named(fields)}, ${roles(fields)}`, userId: input.userId, now: input.now });
    return true;
  });
}

/** Removes a person from the list; false when it was not listed. */
export async function removeContact(db: Db, input: { dependantId: number; contactId: number; userId: number; now: Date }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .updateTable('child_contacts')
      .set({ removed_at: input.now, updated_by: input.userId, updated_at: input.now })
      .where('id', '=', input.contactId)
      .where('dependant_id', '=', input.dependantId)
      .where('removed_at', 'is', null)
      .returning(['first_name', 'last_name', 'relationship'])
      .executeTakeFirst();
    if (!removed) return false;
    await recordChange(trx, { dependantId: input.dependantId, section: 'contacts', summary: `Personne retirée : ${named(removed)}`, userId: input.userId, now: input.now });
    return true;
  });
}
