// What the demo families' stories look up before they act through the product: the ids a form
// needs (product, prestation, children, address, offer) and days far enough ahead to book.
import { sql } from 'kysely';
import { addDays, type IsoDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';

export interface BookingTarget {
  productId: number;
  prestationId: number;
  children: string[];
  addressId: number;
  dates: IsoDate[];
}

/** A prestation of a product, the family's children, and `count` days from two weeks ahead. */
export async function bookingTarget(db: Db, input: { email: string; productName: string; prestationLabel: string; count: number; today: IsoDate }): Promise<BookingTarget> {
  const product = await db.selectFrom('products').select('id').where('name', '=', input.productName).executeTakeFirstOrThrow();
  const prestation = await db.selectFrom('prestations').select('id').where('product_id', '=', product.id).where('label', '=', input.prestationLabel).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirstOrThrow();
  const children = await db.selectFrom('dependants').select('id').where('guardian_id', '=', user.id).where('removed_at', 'is', null).orderBy('birth_date').execute();
  const address = await db.selectFrom('addresses').select('id').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  // Two weeks ahead: every deadline of the demo (two working days) is still open.
  const days = await db
    .selectFrom('slots')
    .select('service_date')
    .where('prestation_id', '=', prestation.id)
    .where('service_date', '>=', addDays(input.today, 14))
    .orderBy('service_date')
    .limit(input.count)
    .execute();
  if (days.length === 0) throw new Error(`no day left to book for ${input.productName}`);
  return { productId: product.id, prestationId: prestation.id, children: children.map((c) => String(c.id)), addressId: address.id, dates: days.map((d) => d.service_date) };
}

/** A commune's service offer by its label. */
export async function offerId(db: Db, communeSlug: string, label: string): Promise<number> {
  const offer = await db
    .selectFrom('service_offers')
    .innerJoin('communes', 'communes.id', 'service_offers.commune_id')
    .select('service_offers.id')
    .where('communes.slug', '=', communeSlug)
    .where('service_offers.label', '=', label)
    .executeTakeFirstOrThrow();
  return offer.id;
}

/** A demo account's wallet balance, in cents. */
export async function walletBalance(db: Db, email: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .leftJoin('wallet_accounts', 'wallet_accounts.user_id', 'users.id')
    .select('wallet_accounts.balance_cents')
    .where('users.email', '=', email)
    .executeTakeFirst();
  return row?.balance_cents ?? 0;
}

/** Which of these addresses have an account (lower case). */
export async function existingEmails(db: Db, emails: string[]): Promise<Set<string>> {
  const lower = emails.map((email) => email.toLowerCase());
  const rows = await db.selectFrom('users').select(sql<string>`lower(email)`.as('email')).where(sql`lower(email)`, 'in', lower).execute();
  return new Set(rows.map((row) => row.email));
}
