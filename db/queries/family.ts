// A family's dependants and addresses. Every query takes the guardian's id: a family never reads
// or changes another's rows, whatever id is asked for.
import type { Db } from '../connection.ts';
import type { Address, Dependant } from '../database.ts';

export function listDependants(db: Db, guardianId: number): Promise<Dependant[]> {
  return db.selectFrom('dependants').selectAll().where('guardian_id', '=', guardianId).orderBy('birth_date').orderBy('first_name').execute();
}

export function findDependant(db: Db, guardianId: number, id: number): Promise<Dependant | undefined> {
  return db.selectFrom('dependants').selectAll().where('guardian_id', '=', guardianId).where('id', '=', id).executeTakeFirst();
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
