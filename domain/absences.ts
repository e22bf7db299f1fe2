// Absences for illness: which booked days a parent may still declare, when the medical
// certificate is due, and when the parent is reminded of it.
import { addDays, parisInstant, type IsoDate } from './dates.ts';

export interface AbsenceRules {
  /** Hours after the day's end (midnight, Paris time) during which it may still be declared. */
  declareHours: number;
  /** Days after the declaration within which the certificate may be sent. */
  certificateDays: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The last instant at which an absence may be declared for this day. */
export function declarableUntil(day: IsoDate, rules: AbsenceRules): Date {
  return new Date(parisInstant(addDays(day, 1), 0).getTime() + rules.declareHours * HOUR);
}

export const isDeclarable = (day: IsoDate, rules: AbsenceRules, now: Date): boolean => now.getTime() <= declarableUntil(day, rules).getTime();

export function certificateDueAt(declaredAt: Date, rules: AbsenceRules): Date {
  return new Date(declaredAt.getTime() + rules.certificateDays * DAY);
}

/**
 * The parent is reminded two days before the certificate is due, or halfway when the delay is
 * shorter than four days.
 */
export function certificateReminderAt(declaredAt: Date, dueAt: Date): Date {
  const delay = dueAt.getTime() - declaredAt.getTime();
  return new Date(delay >= 4 * DAY ? dueAt.getTime() - 2 * DAY : declaredAt.getTime() + delay / 2);
}
