// How far a campaign has come, for staff: per product, the families concerned (listed in the
// campaign with a child booked on it this school year) and those complete; and the families not
// complete yet with what each child's dossier lacks, by section only (never a health detail).
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Missing } from '../../../domain/registration.ts';
import { schoolYearOf } from '../../../domain/school-year.ts';
import { campaignDossier } from './dossier.ts';

export interface ProductProgress {
  productId: number | null;
  label: string;
  families: number;
  complete: number;
}

/** Per product of the campaign, then all its families together. */
export async function campaignProgress(db: Db, campaignId: number, today: string): Promise<ProductProgress[]> {
  const year = schoolYearOf(today);
  const perProduct = await db
    .selectFrom('registration_campaign_products as cp')
    .innerJoin('products', 'products.id', 'cp.product_id')
    .select([
      'products.id', 'products.name',
      sql<number>`(select count(*)::int from registration_families f where f.campaign_id = cp.campaign_id and exists (
        select 1 from reservations r where r.user_id = f.user_id and r.product_id = cp.product_id and r.state = 'confirmed' and r.service_date between ${year.start} and ${year.end}))`.as('families'),
      sql<number>`(select count(*)::int from registration_families f where f.campaign_id = cp.campaign_id and f.completed_at is not null and exists (
        select 1 from reservations r where r.user_id = f.user_id and r.product_id = cp.product_id and r.state = 'confirmed' and r.service_date between ${year.start} and ${year.end}))`.as('complete'),
    ])
    .where('cp.campaign_id', '=', campaignId)
    .orderBy('products.name')
    .execute();
  const all = await db
    .selectFrom('registration_families')
    .select([sql<number>`count(*)::int`.as('families'), sql<number>`count(completed_at)::int`.as('complete')])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return [
    ...perProduct.map((row) => ({ productId: row.id, label: row.name, families: row.families, complete: row.complete })),
    { productId: null, label: 'Toutes les familles', families: all.families, complete: all.complete },
  ];
}

export interface IncompleteFamily {
  userId: number;
  name: string;
  email: string;
  children: { name: string; missing: Missing[]; confirmed: boolean }[];
}

/** The families listed and not complete, each child with the sections its dossier lacks. */
export async function incompleteFamilies(db: Db, campaignId: number): Promise<IncompleteFamily[]> {
  const families = await db
    .selectFrom('registration_families')
    .innerJoin('users', 'users.id', 'registration_families.user_id')
    .select(['users.id', 'users.first_name', 'users.last_name', 'users.email'])
    .where('registration_families.campaign_id', '=', campaignId)
    .where('registration_families.completed_at', 'is', null)
    .orderBy('users.last_name')
    .orderBy('users.id')
    .limit(500)
    .execute();
  const result: IncompleteFamily[] = [];
  for (const family of families) {
    const dossier = await campaignDossier(db, family.id, campaignId);
    result.push({
      userId: family.id,
      name: [family.first_name, family.last_name].filter(Boolean).join(' ') || family.email,
      email: family.email,
      children: (dossier?.children ?? []).map((child) => ({ name: `${child.firstName} ${child.lastName}`, missing: child.missing, confirmed: child.confirmedAt !== null })),
    });
  }
  return result;
}

/** A campaign's figures for its workflows' summary mail to staff. */
export async function campaignSummary(db: Db, campaignId: number) {
  const row = await db
    .selectFrom('registration_families')
    .select([sql<number>`count(*)::int`.as('families'), sql<number>`count(completed_at)::int`.as('complete')])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  return row;
}

/** The staff of the campaign's commune, who get its summary; the admins when it has none. */
export async function campaignStaff(db: Db, campaignId: number): Promise<{ id: number; email: string }[]> {
  const staff = await db
    .selectFrom('registration_campaigns as c')
    .innerJoin('staff_communes', 'staff_communes.commune_id', 'c.commune_id')
    .innerJoin('users', 'users.id', 'staff_communes.user_id')
    .select(['users.id', 'users.email'])
    .where('c.id', '=', campaignId)
    .where('users.role', '=', 'staff')
    .orderBy('users.id')
    .execute();
  return staff.length > 0 ? staff : db.selectFrom('users').select(['id', 'email']).where('role', '=', 'admin').orderBy('id').execute();
}
