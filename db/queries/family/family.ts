// A family's dependants and addresses. Every query takes the guardian's id: a family never reads
// or changes another's rows, whatever id is asked for. A child in shared custody is the family's of
// each of its two guardians (`guardian_id`, `co_guardian_id`).
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Address, Database, Dependant } from '../../database.ts';

/** The children this user is a guardian of, first or second. */
export const guardedBy = (eb: ExpressionBuilder<Database, 'dependants'>, userId: number) => eb.or([eb('dependants.guardian_id', '=', userId), eb('dependants.co_guardian_id', '=', userId)]);

export function listDependants(db: Db, guardianId: number): Promise<Dependant[]> {
  return db.selectFrom('dependants').selectAll().where((eb) => guardedBy(eb, guardianId)).where('removed_at', 'is', null).orderBy('birth_date').orderBy('first_name').execute();
}

export function findDependant(db: Db, guardianId: number, id: number): Promise<Dependant | undefined> {
  return db.selectFrom('dependants').selectAll().where((eb) => guardedBy(eb, guardianId)).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
}

export function listAddresses(db: Db, userId: number): Promise<Address[]> {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId).orderBy('is_default', 'desc').orderBy('id').execute();
}

export function findAddress(db: Db, userId: number, id: number): Promise<Address | undefined> {
  return db.selectFrom('addresses').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
}

/** Makes one address the default (the unique index allows one per user). */
export async function setDefaultAddress(db: Db, userId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const address = await trx.selectFrom('addresses').select('id').where('user_id', '=', userId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!address) return false;
    await trx.updateTable('addresses').set({ is_default: false }).where('user_id', '=', userId).where('is_default', '=', true).execute();
    await trx.updateTable('addresses').set({ is_default: true }).where('id', '=', id).execute();
    return true;
  });
}

/** A dependant's confirmed reservations from `today` on: while any exists, it cannot be removed. */
export function upcomingReservations(db: Db, guardianId: number, dependantId: number, today: string) {
  return db
    .selectFrom('reservations')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .select(['reservations.service_date', 'products.name as product', 'prestations.label as prestation'])
    .where('reservations.user_id', '=', guardianId)
    .where('reservations.dependant_id', '=', dependantId)
    .where('reservations.state', '=', 'confirmed')
    .where('reservations.service_date', '>=', today)
    .orderBy('reservations.service_date')
    .execute();
}

/** Removes a dependant: for good when it has no history, else only from the family's list. */
export async function removeDependant(db: Db, guardianId: number, dependantId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Places still held in the cart for this child go back to others.
    await trx.updateTable('holds').set({ state: 'released', ended_at: now }).where('dependant_id', '=', dependantId).where('state', '=', 'held').execute();
    const history = await trx.selectFrom('reservations').select('id').where('dependant_id', '=', dependantId).limit(1).executeTakeFirst();
    const hasHolds = await trx.selectFrom('holds').select('id').where('dependant_id', '=', dependantId).limit(1).executeTakeFirst();
    if (history || hasHolds) {
      await trx.updateTable('dependants').set({ removed_at: now }).where('id', '=', dependantId).where('guardian_id', '=', guardianId).execute();
    } else {
      await trx.deleteFrom('dependants').where('id', '=', dependantId).where('guardian_id', '=', guardianId).execute();
    }
  });
}

/** What a family writes of a dependant. */
export type DependantFields = Pick<Dependant, 'first_name' | 'last_name' | 'birth_date' | 'relationship'>;
/** What a family writes of an address. */
export type AddressFields = Pick<Address, 'label' | 'line1' | 'line2' | 'postal_code' | 'city'>;

/** Throws the database's unique violation `dependants_unique_person` for a duplicate. */
export async function addDependant(db: Db, guardianId: number, fields: DependantFields): Promise<void> {
  await db.insertInto('dependants').values({ guardian_id: guardianId, ...fields }).execute();
}

/** Either guardian may edit the child; the change is logged so that the other sees who made it. */
export async function updateDependant(db: Db, guardianId: number, id: number, fields: DependantFields, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('dependants').set(fields).where('id', '=', id).where((eb) => guardedBy(eb, guardianId)).returning('co_guardian_id').executeTakeFirst();
    // The log is for the other guardian: a child with one guardian has nobody to tell.
    if (updated?.co_guardian_id != null) {
      await trx.insertInto('child_file_changes').values({ dependant_id: id, section: 'identity', summary: 'Identité modifiée (nom, prénom, date de naissance ou lien).', changed_by: guardianId, changed_at: now }).execute();
    }
  });
}

/** The family's first address becomes its default. */
/** Adds an address (the default when it is the first); its id. */
export async function addAddress(db: Db, userId: number, fields: AddressFields): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('addresses').select('id').where('user_id', '=', userId).executeTakeFirst();
    const row = await trx.insertInto('addresses').values({ user_id: userId, ...fields, is_default: !any }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}

export async function updateAddress(db: Db, userId: number, id: number, fields: AddressFields): Promise<void> {
  await db.updateTable('addresses').set(fields).where('id', '=', id).where('user_id', '=', userId).execute();
}

/** Removes an address; the default goes to the oldest remaining one, so there is always one when any is left. */
export async function removeAddress(db: Db, userId: number, address: Pick<Address, 'id' | 'is_default'>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('addresses').where('id', '=', address.id).where('user_id', '=', userId).execute();
    if (address.is_default) {
      const next = await trx.selectFrom('addresses').select('id').where('user_id', '=', userId).orderBy('id').executeTakeFirst();
      if (next) await trx.updateTable('addresses').set({ is_default: true }).where('id', '=', next.id).execute();
    }
  });
}

/** The dependants of several families, youngest last (staff's request list). */
export function dependantsOf(db: Db, guardianIds: number[]) {
  if (guardianIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dependants')
    .select(['guardian_id', 'co_guardian_id', 'first_name', 'last_name', 'birth_date', 'relationship'])
    .where((eb) => eb.or([eb('guardian_id', 'in', guardianIds), eb('co_guardian_id', 'in', guardianIds)]))
    .where('removed_at', 'is', null)
    .orderBy('birth_date')
    .execute();
}
