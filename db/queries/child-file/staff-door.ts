// What staff need at the door for the children of a day's list: the persons who may collect each
// child (the guardian(s) and the contacts the family allowed), whether the child may go home alone
// that weekday, the departures recorded, and — only when the caller says the health rule holds —
// whether the fiche sanitaire names an allergy, a PAI or a diet (never what they are).
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';
import { isoWeekday, type IsoDate } from '../../../domain/dates.ts';
import { schoolYearLabel } from '../../../domain/child-departure.ts';

export interface Collector {
  kind: 'guardian' | 'contact';
  id: number;
  firstName: string | null;
  lastName: string | null;
  /** The guardian's e-mail, to name an account without a name. */
  email: string | null;
  phone: string | null;
  /** « grand-mère »; « responsable légal » for a guardian. */
  relationship: string;
}

export interface Departure {
  reservationId: number;
  leftAt: Date;
  collectedBy: 'contact' | 'guardian' | 'alone';
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  relationship: string | null;
}

export interface AtTheDoor {
  collectors: Collector[];
  homeAlone: boolean;
  /** Null when the health rule does not hold, or the file names nothing to watch. */
  healthFlag: { allergies: boolean; pai: boolean; diet: boolean } | null;
}

export const GUARDIAN_RELATIONSHIP = 'responsable légal';

/** The persons who may collect these children, their guardian(s) first. */
export async function collectorsOf(db: Db, childIds: number[]): Promise<Map<number, Collector[]>> {
  const result = new Map<number, Collector[]>(childIds.map((id) => [id, []]));
  if (childIds.length === 0) return result;
  const [guardians, contacts] = await Promise.all([
    db
      .selectFrom('dependants')
      // Both guardians in shared custody, the first one first.
      .innerJoin('users', (join) => join.on(sql<boolean>`users.id in (dependants.guardian_id, dependants.co_guardian_id)`))
      .select(['dependants.id as childId', 'users.id', 'users.first_name as firstName', 'users.last_name as lastName', 'users.email', 'users.phone'])
      .where('dependants.id', 'in', childIds)
      .orderBy(sql`users.id = dependants.guardian_id`, 'desc')
      .execute(),
    db
      .selectFrom('child_contacts')
      .select(['dependant_id as childId', 'id', 'first_name as firstName', 'last_name as lastName', 'phone', 'relationship'])
      .where('dependant_id', 'in', childIds)
      .where('may_collect', '=', true)
      .where('removed_at', 'is', null)
      .orderBy('last_name')
      .orderBy('first_name')
      .execute(),
  ]);
  for (const g of guardians) result.get(g.childId)!.push({ kind: 'guardian', id: g.id, firstName: g.firstName, lastName: g.lastName, email: g.email, phone: g.phone, relationship: GUARDIAN_RELATIONSHIP });
  for (const c of contacts) result.get(c.childId)!.push({ kind: 'contact', id: c.id, firstName: c.firstName, lastName: c.lastName, email: null, phone: c.phone, relationship: c.relationship });
  return result;
}

/** The children among these allowed to go home alone on that day (its school year and weekday). */
export async function homeAloneOn(db: Db, childIds: number[], day: IsoDate): Promise<Set<number>> {
  if (childIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('child_authorisations')
    .select('dependant_id')
    .where('dependant_id', 'in', childIds)
    .where('kind', '=', 'home-alone')
    .where('granted', '=', true)
    .where('school_year', '=', schoolYearLabel(day))
    .where(sql<boolean>`${isoWeekday(day)} = any(weekdays)`)
    .execute();
  return new Set(rows.map((row) => row.dependant_id));
}

/** Whether each child's current fiche sanitaire names an allergy, a PAI or a diet: for the caller to show only under the health rule. */
async function healthFlags(db: Db, childIds: number[]): Promise<Map<number, NonNullable<AtTheDoor['healthFlag']>>> {
  if (childIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('child_health_records')
    .select(['dependant_id', 'allergies', 'has_pai', sql<number>`cardinality(diets)`.as('diets')])
    .distinctOn('dependant_id')
    .where('dependant_id', 'in', childIds)
    .orderBy('dependant_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(
    rows
      .map((row) => [row.dependant_id, { allergies: row.allergies !== null, pai: row.has_pai, diet: Number(row.diets) > 0 }] as const)
      .filter(([, flag]) => flag.allergies || flag.pai || flag.diet),
  );
}

/** Each child's door information on that day; the health flag only with `health` (the caller's rule). */
export async function atTheDoor(db: Db, childIds: number[], day: IsoDate, health: boolean): Promise<Map<number, AtTheDoor>> {
  const ids = [...new Set(childIds)];
  const [collectors, alone, flags] = await Promise.all([collectorsOf(db, ids), homeAloneOn(db, ids, day), health ? healthFlags(db, ids) : Promise.resolve(new Map())]);
  return new Map(ids.map((id) => [id, { collectors: collectors.get(id) ?? [], homeAlone: alone.has(id), healthFlag: flags.get(id) ?? null }]));
}

/** The departures recorded for these reservations, with whom each child left. */
export async function departuresOf(db: Db, reservationIds: number[]): Promise<Map<number, Departure>> {
  if (reservationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('child_departures')
    .leftJoin('child_contacts', 'child_contacts.id', 'child_departures.contact_id')
    .leftJoin('users', 'users.id', 'child_departures.guardian_id')
    .select((eb) => [
      'child_departures.reservation_id as reservationId',
      'child_departures.left_at as leftAt',
      'child_departures.collected_by as collectedBy',
      eb.fn.coalesce('child_contacts.first_name', 'users.first_name').as('firstName'),
      eb.fn.coalesce('child_contacts.last_name', 'users.last_name').as('lastName'),
      'users.email',
      'child_contacts.relationship',
    ])
    .where('child_departures.reservation_id', 'in', reservationIds)
    .execute();
  return new Map(rows.map((row) => [row.reservationId, { ...row, relationship: row.collectedBy === 'guardian' ? GUARDIAN_RELATIONSHIP : row.relationship }]));
}
