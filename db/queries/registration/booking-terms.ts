// What the yearly registration asks of a booking: for each day of a product, whether the family
// books it as usual, pays the top tier, or is refused until its dossier is complete. Read by the
// hold's creation (db/queries/booking/booking.ts) and the product's page.
import type { Db } from '../../connection.ts';
import { bookingTerms } from '../../../domain/registration.ts';
import type { IsoDate } from '../../../domain/dates.ts';

export type DayTerms = 'book' | 'top-tier' | 'refused';

export interface RegistrationTerms {
  /** The terms of each day asked. */
  days: Map<IsoDate, DayTerms>;
  /** The campaign a refused or top-tier day comes from: the dossier to complete. */
  campaignId: number | null;
}

/** The opened campaigns holding the product, each with whether this family is complete for it. */
function campaignsOf(db: Db, userId: number, productId: number) {
  return db
    .selectFrom('registration_campaign_products as cp')
    .innerJoin('registration_campaigns as c', 'c.id', 'cp.campaign_id')
    .leftJoin('registration_families as f', (join) => join.onRef('f.campaign_id', '=', 'c.id').on('f.user_id', '=', userId))
    .select(['c.id', 'c.school_year as schoolYear', 'c.when_incomplete as whenIncomplete', 'f.completed_at'])
    .where('cp.product_id', '=', productId)
    .where('c.opened_at', 'is not', null)
    .execute();
}

export async function registrationTerms(db: Db, userId: number, productId: number, dates: readonly IsoDate[]): Promise<RegistrationTerms> {
  const campaigns = (await campaignsOf(db, userId, productId)).map((c) => ({ ...c, complete: c.completed_at !== null }));
  const days = new Map(dates.map((date) => [date, campaigns.length === 0 ? ('book' as const) : bookingTerms(date, campaigns)]));
  const applying = campaigns.find((c) => !c.complete && [...days.values()].some((terms) => terms !== 'book'));
  return { days, campaignId: applying?.id ?? null };
}

/** The campaign of the product this family has not completed yet, for the booking page's notice. */
export async function pendingRegistration(db: Db, userId: number, productId: number) {
  const open = (await campaignsOf(db, userId, productId)).filter((c) => c.completed_at === null).sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
  const first = open[0];
  return first ? { campaignId: first.id, schoolYear: first.schoolYear, whenIncomplete: first.whenIncomplete } : null;
}

export type PendingRegistration = NonNullable<Awaited<ReturnType<typeof pendingRegistration>>>;
