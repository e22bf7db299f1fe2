// The family's side of the yearly registration: the campaigns that concern it (listed when staff
// opened them, or when the family opens its dossier), what each child's dossier still lacks (read
// from the child's file and the family's documents, judged by domain/registration.ts), and the
// family's confirmation, child by child, which marks the family complete once all are confirmed.
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../connection.ts';
import type { Database } from '../../database.ts';
import { familyComplete, missingForChild, schoolYearSeason, type FamilyDocument, type Missing } from '../../../domain/registration.ts';
import { listDependants } from '../family/index.ts';
import { campaignById } from './campaigns.ts';

export interface ChildDossier {
  id: number;
  firstName: string;
  lastName: string;
  missing: Missing[];
  confirmedAt: Date | null;
}

export interface CampaignDossier {
  id: number;
  commune: string;
  schoolYear: string;
  closesOn: string;
  whenIncomplete: 'block' | 'top-tier';
  products: { id: number; name: string }[];
  completedAt: Date | null;
  children: ChildDossier[];
}

/** Lists the family in these campaigns (opened, its school year not over), once; those it just joined. */
async function join(db: Db, userId: number, campaignIds: number[], now: Date): Promise<number[]> {
  if (campaignIds.length === 0) return [];
  const joined = await db
    .insertInto('registration_families')
    .values(campaignIds.map((id) => ({ campaign_id: id, user_id: userId, joined_at: now })))
    .onConflict((oc) => oc.doNothing())
    .returning('campaign_id')
    .execute();
  return joined.map((row) => row.campaign_id);
}

/**
 * Opened campaigns whose school year is not over: of the family's commune, and the one it was sent
 * to when one of its products is the family's (subscribed to its offer, or booked): a campaign of
 * another commune never lists a family that only typed its number.
 */
async function campaignsToJoin(db: Db, family: { userId: number; communeId: number | null }, asked: number | null, today: string): Promise<number[]> {
  if (family.communeId === null && asked === null) return [];
  const theirs = (eb: ExpressionBuilder<Database, 'registration_campaigns'>) =>
    eb.or([
      eb.exists(
        eb
          .selectFrom('registration_campaign_products as cp')
          .innerJoin('product_offers as po', 'po.product_id', 'cp.product_id')
          .innerJoin('subscriptions as s', 's.service_offer_id', 'po.service_offer_id')
          .select('cp.product_id')
          .whereRef('cp.campaign_id', '=', 'registration_campaigns.id')
          .where('s.user_id', '=', family.userId),
      ),
      eb.exists(
        eb
          .selectFrom('registration_campaign_products as cp')
          .innerJoin('reservations as r', 'r.product_id', 'cp.product_id')
          .select('cp.product_id')
          .whereRef('cp.campaign_id', '=', 'registration_campaigns.id')
          .where('r.user_id', '=', family.userId),
      ),
    ]);
  const rows = await db
    .selectFrom('registration_campaigns')
    .select(['id', 'school_year'])
    .where('opened_at', 'is not', null)
    .where((eb) => eb.or([...(family.communeId === null ? [] : [eb('commune_id', '=', family.communeId)]), ...(asked === null ? [] : [eb.and([eb('id', '=', asked), theirs(eb)])])]))
    .execute();
  return rows.filter((row) => schoolYearSeason(row.school_year).end >= today).map((row) => row.id);
}

/** Each child's facts for a school year, by child, read from the child's file. */
async function childFacts(db: Db, childIds: number[], schoolYear: string) {
  const [saved, reviewed, authorisations, contacts] = await Promise.all([
    db.selectFrom('child_health_records').select(['dependant_id', (eb) => eb.fn.max('recorded_at').as('recorded_at')]).where('dependant_id', 'in', childIds).groupBy('dependant_id').execute(),
    // A fiche saved unchanged is logged, not versioned: reviewed then all the same.
    db.selectFrom('child_file_changes').select(['dependant_id', (eb) => eb.fn.max('changed_at').as('changed_at')]).where('dependant_id', 'in', childIds).where('section', '=', 'health').groupBy('dependant_id').execute(),
    db.selectFrom('child_authorisations').select(['dependant_id', 'kind']).where('dependant_id', 'in', childIds).where('school_year', '=', schoolYear).execute(),
    db.selectFrom('child_contacts').select(['dependant_id', (eb) => eb.fn.countAll<string>().as('count')]).where('dependant_id', 'in', childIds).where('is_emergency', '=', true).where('removed_at', 'is', null).groupBy('dependant_id').execute(),
  ]);
  return (childId: number) => {
    const version = saved.find((row) => row.dependant_id === childId)?.recorded_at;
    const review = reviewed.find((row) => row.dependant_id === childId)?.changed_at;
    // Only a fiche that exists can be reviewed: without a version, the log does not count.
    const healthRecordedAt = version == null ? null : new Date(Math.max(new Date(version).getTime(), review == null ? 0 : new Date(review).getTime()));
    return {
    healthRecordedAt,
    authorisationsGiven: authorisations.filter((row) => row.dependant_id === childId).map((row) => row.kind),
    emergencyContacts: Number(contacts.find((row) => row.dependant_id === childId)?.count ?? 0),
    };
  };
}

function familyDocuments(db: Db, userId: number): Promise<FamilyDocument[]> {
  return db
    .selectFrom('documents')
    .select(['kind', 'status', 'expires_on as expiresOn'])
    .where('owner_id', '=', userId)
    .execute() as Promise<FamilyDocument[]>;
}

/** One campaign's dossier for the family: each child with what it lacks and its confirmation. */
export async function campaignDossier(db: Db, userId: number, campaignId: number): Promise<CampaignDossier | undefined> {
  const [campaign, listed] = await Promise.all([
    campaignById(db, campaignId),
    db.selectFrom('registration_families').select('completed_at').where('campaign_id', '=', campaignId).where('user_id', '=', userId).executeTakeFirst(),
  ]);
  if (!campaign || !listed || campaign.opened_at === null) return undefined;
  // The family's children, through the family's own door (a second guardian joins there).
  const children = await listDependants(db, userId);
  const childIds = children.map((child) => child.id);
  const [facts, documents, confirmations] = await Promise.all([
    childIds.length > 0 ? childFacts(db, childIds, campaign.school_year) : null,
    familyDocuments(db, userId),
    childIds.length > 0 ? db.selectFrom('registration_confirmations').select(['dependant_id', 'confirmed_at']).where('campaign_id', '=', campaignId).where('dependant_id', 'in', childIds).execute() : [],
  ]);
  const rules = { schoolYear: campaign.school_year, requiredDocuments: campaign.required_documents, healthSince: campaign.opened_at };
  return {
    id: campaign.id,
    commune: campaign.commune,
    schoolYear: campaign.school_year,
    closesOn: campaign.closes_on,
    whenIncomplete: campaign.when_incomplete,
    products: campaign.products,
    completedAt: listed.completed_at,
    children: children.map((child) => ({
      id: child.id,
      firstName: child.first_name,
      lastName: child.last_name,
      missing: missingForChild(rules, facts!(child.id), documents),
      confirmedAt: confirmations.find((row) => row.dependant_id === child.id)?.confirmed_at ?? null,
    })),
  };
}

/**
 * The family's dossiers: the campaigns it is listed in, joining first those of its commune opened
 * and the one a refused booking sent it to (`asked`); `joined`, the campaigns it just joined (their
 * reminders to start); `completed`, those it just completed by the other guardian's confirmations
 * (their reminders to stop).
 */
export async function familyDossiers(db: Db, family: { userId: number; communeId: number | null }, options: { asked: number | null; now: Date; today: string }): Promise<{ dossiers: CampaignDossier[]; joined: number[]; completed: number[] }> {
  const joined = await join(db, family.userId, await campaignsToJoin(db, family, options.asked, options.today), options.now);
  const listed = await db
    .selectFrom('registration_families')
    .innerJoin('registration_campaigns as c', 'c.id', 'registration_families.campaign_id')
    .select(['c.id', 'c.school_year'])
    .where('registration_families.user_id', '=', family.userId)
    .where('c.opened_at', 'is not', null)
    .orderBy('c.closes_on')
    .execute();
  const current = listed.filter((row) => schoolYearSeason(row.school_year).end >= options.today);
  // Children of a shared custody the other guardian confirmed already: the family may be complete.
  const completed: number[] = [];
  for (const row of current) if (await completeIfConfirmed(db, family.userId, row.id, options.now)) completed.push(row.id);
  const dossiers = await Promise.all(current.map((row) => campaignDossier(db, family.userId, row.id)));
  return { dossiers: dossiers.filter((dossier): dossier is CampaignDossier => dossier !== undefined), joined, completed };
}

export type Confirmation = { ok: true; familyCompleted: boolean; othersCompleted: number[] } | { ok: false; reason: 'not-found' | 'missing' };

/**
 * Marks the family complete when every one of its children is confirmed: the family's own
 * confirmations and, for a child in shared custody, the other guardian's. True when it just became so.
 */
async function completeIfConfirmed(db: Db, userId: number, campaignId: number, now: Date): Promise<boolean> {
  const dossier = await campaignDossier(db, userId, campaignId);
  if (!dossier || dossier.completedAt !== null) return false;
  if (!familyComplete(dossier.children.map((c) => c.id), new Set(dossier.children.filter((c) => c.confirmedAt !== null).map((c) => c.id)))) return false;
  const marked = await db
    .updateTable('registration_families')
    .set({ completed_at: now })
    .where('campaign_id', '=', campaignId)
    .where('user_id', '=', userId)
    .where('completed_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return marked !== undefined;
}

/**
 * The family confirms one child's dossier, which must lack nothing; once every child is confirmed
 * the family is marked complete (`familyCompleted` says it just became so, once). A child in shared
 * custody is confirmed for both guardians: the other one, listed in the campaign, may be completed
 * by it too (`othersCompleted`), and is no longer refused the days the child's dossier allows.
 */
export async function confirmChild(db: Db, input: { userId: number; campaignId: number; dependantId: number; now: Date }): Promise<Confirmation> {
  const dossier = await campaignDossier(db, input.userId, input.campaignId);
  const child = dossier?.children.find((c) => c.id === input.dependantId);
  if (!dossier || !child) return { ok: false, reason: 'not-found' };
  if (child.missing.length > 0) return { ok: false, reason: 'missing' };
  await db.insertInto('registration_confirmations').values({ campaign_id: input.campaignId, dependant_id: input.dependantId, confirmed_by: input.userId, confirmed_at: input.now }).onConflict((oc) => oc.doNothing()).execute();
  const familyCompleted = await completeIfConfirmed(db, input.userId, input.campaignId, input.now);
  const guardians = await db.selectFrom('dependants').select(['guardian_id', 'co_guardian_id']).where('id', '=', input.dependantId).executeTakeFirstOrThrow();
  const others = [guardians.guardian_id, guardians.co_guardian_id].filter((id): id is number => id !== null && id !== input.userId);
  const othersCompleted: number[] = [];
  for (const other of others) if (await completeIfConfirmed(db, other, input.campaignId, input.now)) othersCompleted.push(other);
  return { ok: true, familyCompleted, othersCompleted };
}
