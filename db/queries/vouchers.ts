// Vouchers as families and staff see them.
import { sql } from 'kysely';
import type { IsoDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';

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
