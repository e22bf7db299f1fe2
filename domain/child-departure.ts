// The rules of a child's departure (« sortie ») at the door: the time typed by staff, the school
// year an authorisation is given for, and whether a name typed at the door is one the family listed.
import { parisInstant, type IsoDate } from './dates.ts';
import { schoolYearOf } from './school-year.ts';
import { foldText } from './search-text.ts';

/** « 2026-2027 »: the school year a day belongs to, as authorisations are given for it. */
export function schoolYearLabel(day: IsoDate): string {
  const start = Number(schoolYearOf(day).start.slice(0, 4));
  return `${start}-${start + 1}`;
}

/** "16:45" (or "9:05") as hours and minutes; null for anything else. */
export function parseClockTime(text: string): { hour: number; minute: number } | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/** The instant the clocks of Paris show that time on that day. */
export function departureInstant(day: IsoDate, time: { hour: number; minute: number }): Date {
  return new Date(parisInstant(day, time.hour).getTime() + time.minute * 60_000);
}

/** A person as the family listed them, to match what staff type at the door. */
export interface ListedPerson {
  firstName: string | null;
  lastName: string | null;
}

const words = (text: string) => foldText(text).replace(/[-']/g, ' ').split(/\s+/).filter(Boolean).sort().join(' ');

/**
 * The listed person whose first and last names are the words typed (in any order, without
 * accents or case), or undefined: anyone else is not allowed to collect the child.
 */
export function listedPersonNamed<P extends ListedPerson>(people: readonly P[], typed: string): P | undefined {
  const wanted = words(typed);
  if (!wanted) return undefined;
  return people.find((person) => words(`${person.firstName ?? ''} ${person.lastName ?? ''}`) === wanted);
}
