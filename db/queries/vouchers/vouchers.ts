// Vouchers as families and staff see them.
import { sql, type Insertable } from 'kysely';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import type { VouchersTable } from '../../database.ts';

/** The vouchers a family can still use today: valid, with uses left for everyone and for it. */
export function usableVouchers(db: Db, userId: number, today: IsoDate) {
  return db
    .selectFrom('vouchers')
    .leftJoin('communes', 'communes.id', 'vouchers.commune_id')
    .leftJoin('products', 'products.id', 'vouchers.product_id')
    .select(['vouchers.id', 'vouchers.code', 'vouchers.label', 'vouchers.kind', 'vouchers.value', 'vouchers.valid_until', 'vouchers.min_order_cents', 'communes.name as commune', 'products.name as product'])
    .where('vouchers.valid_from', '<=', today)
    .where('vouchers.valid_until', '>=', today)
    .where((eb) =>
      eb.or([
        eb('vouchers.max_uses', 'is', null),
        eb('vouchers.max_uses', '>', eb.selectFrom('voucher_uses').select(sql<number>`count(*)`.as('n')).whereRef('voucher_uses.voucher_id', '=', 'vouchers.id').where('voucher_uses.state', '!=', 'released')),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('vouchers.max_uses_per_family', 'is', null),
        eb(
          'vouchers.max_uses_per_family',
          '>',
          eb.selectFrom('voucher_uses').select(sql<number>`count(*)`.as('n')).whereRef('voucher_uses.voucher_id', '=', 'vouchers.id').where('voucher_uses.user_id', '=', userId).where('voucher_uses.state', '!=', 'released'),
        ),
      ]),
    )
    .orderBy('vouchers.valid_until')
    .execute();
}

/** The vouchers staff see: their communes', and for an admin the agglomération-wide ones. */
export function staffVouchers(db: Db, communeIds: number[], withAgglomeration: boolean) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vouchers')
    .leftJoin('communes', 'communes.id', 'vouchers.commune_id')
    .leftJoin('products', 'products.id', 'vouchers.product_id')
    .select(['vouchers.code', 'vouchers.label', 'vouchers.kind', 'vouchers.value', 'vouchers.valid_until', 'vouchers.min_order_cents', 'communes.name as commune', 'products.name as product'])
    .where((eb) => eb.or([eb('vouchers.commune_id', 'in', communeIds), ...(withAgglomeration ? [eb('vouchers.commune_id', 'is', null)] : [])]))
    .orderBy('vouchers.valid_until', 'desc')
    .execute();
}

/** The products of these communes, for a voucher's scope. */
export function productsOfCommunes(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('products')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .select(['products.id', 'products.name', 'products.commune_id', 'communes.name as commune'])
    .where('products.commune_id', 'in', communeIds)
    .orderBy('products.name')
    .execute();
}

export type NewVoucher = Insertable<VouchersTable>;

/** Throws the unique violation `vouchers_code_key` when the code exists. */
export async function createVoucher(db: Db, voucher: NewVoucher): Promise<void> {
  await db.insertInto('vouchers').values(voucher).execute();
}
