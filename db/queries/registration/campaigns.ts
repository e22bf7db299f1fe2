// Staff's side of the yearly registration: a campaign created for a commune's products, listed for
// staff of its communes, and opened (« Ouvrir la campagne »): from then on its rules apply to
// bookings, and the families who booked its products this school year are listed as concerned.
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import type { WhenIncomplete } from '../../registration-tables.ts';
import { schoolYearOf } from '../../../domain/school-year.ts';
import { recordAudit } from '../staff/index.ts';

export interface NewCampaign {
  communeId: number;
  schoolYear: string;
  opensOn: string;
  closesOn: string;
  productIds: number[];
  requiredDocuments: string[];
  whenIncomplete: WhenIncomplete;
  staffId: number;
  now: Date;
}

/** The communes a staff member may open a campaign for, by name. */
export function communesNamed(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('communes').select(['id', 'name']).where('id', 'in', communeIds).orderBy('name').execute();
}

/** The products a commune's campaign may name: its own. */
export function communeProducts(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('products').select(['id', 'name', 'commune_id']).where('commune_id', 'in', communeIds).where('category', '!=', 'demarches-en-ligne').orderBy('name').execute();
}

/** Creates the campaign with its products (all of its commune's, checked here), audited. */
export async function createCampaign(db: Db, campaign: NewCampaign): Promise<number | 'foreign-product'> {
  return db.transaction().execute(async (trx) => {
    const own = await trx.selectFrom('products').select('id').where('commune_id', '=', campaign.communeId).where('id', 'in', campaign.productIds).execute();
    if (own.length !== campaign.productIds.length) return 'foreign-product' as const;
    const { id } = await trx
      .insertInto('registration_campaigns')
      .values({
        commune_id: campaign.communeId,
        school_year: campaign.schoolYear,
        opens_on: campaign.opensOn,
        closes_on: campaign.closesOn,
        required_documents: campaign.requiredDocuments,
        when_incomplete: campaign.whenIncomplete,
        created_by: campaign.staffId,
        created_at: campaign.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('registration_campaign_products').values(campaign.productIds.map((productId) => ({ campaign_id: id, product_id: productId }))).execute();
    await recordAudit(trx, {
      actorId: campaign.staffId,
      action: 'registration.campaign-created',
      subject: { type: 'registration-campaign', id },
      details: { annee: campaign.schoolYear, ouverture: campaign.opensOn, cloture: campaign.closesOn, produits: campaign.productIds, pieces: campaign.requiredDocuments, incomplet: campaign.whenIncomplete },
    });
    return id;
  });
}

/** A campaign with its commune and products, or undefined. */
export async function campaignById(db: Db, campaignId: number) {
  const campaign = await db
    .selectFrom('registration_campaigns')
    .innerJoin('communes', 'communes.id', 'registration_campaigns.commune_id')
    .selectAll('registration_campaigns')
    .select('communes.name as commune')
    .where('registration_campaigns.id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) return undefined;
  const products = await db
    .selectFrom('registration_campaign_products')
    .innerJoin('products', 'products.id', 'registration_campaign_products.product_id')
    .select(['products.id', 'products.name'])
    .where('registration_campaign_products.campaign_id', '=', campaignId)
    .orderBy('products.name')
    .execute();
  return { ...campaign, products };
}

export type Campaign = NonNullable<Awaited<ReturnType<typeof campaignById>>>;

/** The campaigns of these communes, the latest first, with their families counted. */
export function communeCampaigns(db: Db, communeIds: number[]) {
  if (communeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registration_campaigns')
    .innerJoin('communes', 'communes.id', 'registration_campaigns.commune_id')
    .select([
      'registration_campaigns.id', 'registration_campaigns.school_year', 'registration_campaigns.opens_on', 'registration_campaigns.closes_on', 'registration_campaigns.opened_at',
      'registration_campaigns.when_incomplete', 'communes.name as commune',
      sql<number>`(select count(*)::int from registration_families f where f.campaign_id = registration_campaigns.id)`.as('families'),
      sql<number>`(select count(*)::int from registration_families f where f.campaign_id = registration_campaigns.id and f.completed_at is not null)`.as('complete'),
    ])
    .where('registration_campaigns.commune_id', 'in', communeIds)
    .orderBy('registration_campaigns.id', 'desc')
    .execute();
}

/** The families with a child booked on one of the campaign's products in the school year of `today`. */
function bookedFamilies(db: Db, campaignId: number, today: string) {
  const year = schoolYearOf(today);
  return db
    .selectFrom('reservations')
    .innerJoin('registration_campaign_products as cp', 'cp.product_id', 'reservations.product_id')
    .select('reservations.user_id')
    .where('cp.campaign_id', '=', campaignId)
    .where('reservations.state', '=', 'confirmed')
    .where('reservations.service_date', '>=', year.start)
    .where('reservations.service_date', '<=', year.end)
    .groupBy('reservations.user_id');
}

/** How many families opening the campaign would list (and mail), for the confirmation page. */
export async function familiesToList(db: Db, campaignId: number, today: string): Promise<number> {
  return (await bookedFamilies(db, campaignId, today).execute()).length;
}

/**
 * Opens the campaign once: its rules apply to bookings from now on, and the families with a child
 * booked on one of its products in the current school year are listed. Answers the families
 * concerned (to start their workflows), or null when it was open already.
 */
export async function openCampaign(db: Db, campaignId: number, staffId: number, now: Date, today: string): Promise<number[] | null> {
  return db.transaction().execute(async (trx) => {
    const opened = await trx
      .updateTable('registration_campaigns')
      .set({ opened_at: now, opened_by: staffId })
      .where('id', '=', campaignId)
      .where('opened_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!opened) return null;
    const booked = bookedFamilies(trx, campaignId, today).select([sql<number>`${campaignId}::bigint`.as('campaign_id'), sql<Date>`${now}::timestamptz`.as('joined_at')]);
    await trx.insertInto('registration_families').columns(['user_id', 'campaign_id', 'joined_at']).expression(booked).onConflict((oc) => oc.doNothing()).execute();
    await recordAudit(trx, { actorId: staffId, action: 'registration.campaign-opened', subject: { type: 'registration-campaign', id: campaignId }, details: {} });
    const families = await trx.selectFrom('registration_families').select('user_id').where('campaign_id', '=', campaignId).orderBy('user_id').execute();
    return families.map((row) => row.user_id);
  });
}
