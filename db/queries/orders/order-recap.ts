// The recap of a cart or an order, grouped as the reference shows it: one line per product,
// prestation and child, with its dates in the order of the calendar (the reference listed them latest
// first, which read as a mistake: « 23-12-2026, 16-12-2026 »).
import type { Db } from '../../connection.ts';

export async function recapLines(db: Db, holdIds: number[]) {
  if (holdIds.length === 0) return [];
  const rows = await db
    .selectFrom('holds')
    .innerJoin('products', 'products.id', 'holds.product_id')
    .innerJoin('prestations', 'prestations.id', 'holds.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'holds.dependant_id')
    .select(['holds.product_id', 'holds.prestation_id', 'holds.dependant_id', 'holds.service_date', 'holds.price_cents', 'products.name as product', 'prestations.label as prestation', 'dependants.first_name', 'dependants.last_name'])
    .where('holds.id', 'in', holdIds)
    .orderBy('products.name')
    .orderBy('holds.service_date')
    .execute();
  const lines = new Map<string, { product: string; prestation: string; child: string; dates: string[]; unitCents: number; totalCents: number }>();
  for (const row of rows) {
    const key = `${row.product_id}-${row.prestation_id}-${row.dependant_id}`;
    const line = lines.get(key) ?? { product: row.product, prestation: row.prestation, child: `${row.first_name} ${row.last_name}`, dates: [], unitCents: row.price_cents, totalCents: 0 };
    line.dates.push(row.service_date);
    line.totalCents += row.price_cents;
    lines.set(key, line);
  }
  return [...lines.values()];
}

export function orderHoldIds(db: Db, orderId: number) {
  return db.selectFrom('order_lines').select('hold_id').where('order_id', '=', orderId).execute().then((rows) => rows.map((row) => row.hold_id));
}

/** The voucher an order carries, if any, for the recap's discount line. */
export async function orderVoucher(db: Db, orderId: number): Promise<{ label: string; discountCents: number } | null> {
  const use = await db
    .selectFrom('voucher_uses')
    .innerJoin('vouchers', 'vouchers.id', 'voucher_uses.voucher_id')
    .select(['vouchers.label', 'voucher_uses.discount_cents'])
    .where('voucher_uses.order_id', '=', orderId)
    .where('voucher_uses.state', '!=', 'released')
    .executeTakeFirst();
  return use ? { label: use.label, discountCents: use.discount_cents } : null;
}
