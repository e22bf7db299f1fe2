// When a child may be noted present: staff check children in at the door, so a presence belongs
// to its own day. A day gone may still be filled in (a list ticked on paper and typed in later),
// but only once staff confirm it, never silently; a day ahead never (the child has not come yet).
import type { IsoDate } from './dates.ts';

export type PresenceDay = 'today' | 'past' | 'future';

/** Where the reservation's day stands against today, in Paris. */
export function presenceDay(day: IsoDate, today: IsoDate): PresenceDay {
  return day === today ? 'today' : day < today ? 'past' : 'future';
}

/** Whether a presence may be written now: on the day, or on a day gone that staff confirmed. */
export function presenceAllowed(day: IsoDate, today: IsoDate, confirmed: boolean): 'ok' | 'confirm' | 'future' {
  const when = presenceDay(day, today);
  if (when === 'future') return 'future';
  return when === 'past' && !confirmed ? 'confirm' : 'ok';
}
