// Shared custody's rules, pure: whose week a day falls in under alternate weeks, and each
// guardian's share of a price under a split.
import { addDays, isoWeekday, parseIsoDate, type IsoDate } from './dates.ts';

export function mondayOf(day: IsoDate): IsoDate {
  return addDays(day, 1 - isoWeekday(day));
}

/** The guardian whose week holds `day`: weeks alternate from the reference Monday, before it too. */
export function weekHolder(rule: { referenceMonday: IsoDate; referenceGuardianId: number; otherGuardianId: number }, day: IsoDate): number {
  // Whole days between two UTC midnights: no clock change can shift them.
  const weeks = Math.round((parseIsoDate(mondayOf(day)).getTime() - parseIsoDate(rule.referenceMonday).getTime()) / (7 * 86_400_000));
  return Math.abs(weeks) % 2 === 0 ? rule.referenceGuardianId : rule.otherGuardianId;
}

/** A price split by the first guardian's percentage, in integer cents: the odd cent goes to the first guardian. */
export function splitShares(priceCents: number, firstSharePercent: number): { firstCents: number; secondCents: number } {
  const secondCents = Math.floor((priceCents * (100 - firstSharePercent)) / 100);
  return { firstCents: priceCents - secondCents, secondCents };
}
