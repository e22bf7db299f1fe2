// Calendar dates of service are ISO strings ("2023-06-28") and are computed in UTC, so no
// server time zone or daylight-saving change can move a booking to another day.

export type IsoDate = string;

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

export function parseIsoDate(iso: IsoDate): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Date invalide : ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // A day past the month's end (2023-02-30) rolls over: compared by numbers, not by a new string.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) throw new RangeError(`Date invalide : ${iso}`);
  return date;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function toIsoDate(date: Date): IsoDate {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString().slice(0, 10);
  return `${year}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/**
 * Remembers a pure function's answers (a calendar page asks the same deadlines and their
 * wording for every family): a few thousand at most, forgotten all at once when full.
 */
export function remembered<K, V>(compute: (key: K) => V, max = 5_000): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= max) known.clear();
      value = compute(key);
      known.set(key, value);
    }
    return value;
  };
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = parseIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** ISO weekday: 1 = lundi … 7 = dimanche. */
export function isoWeekday(iso: IsoDate): number {
  return parseIsoDate(iso).getUTCDay() || 7;
}

/** "2023-06-28" → "28-06-2023", as the reference platform writes dates in recaps. */
export function formatShortDate(iso: IsoDate): string {
  const [year, month, day] = iso.split('-');
  parseIsoDate(iso);
  return `${day}-${month}-${year}`;
}

/** "2023-06-28" → "mercredi 28 juin 2023". */
export function formatLongDate(iso: IsoDate): string {
  const date = parseIsoDate(iso);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** The calendar day in France (Europe/Paris) of an instant: what "today" means to a parent. */
// Made once: building a formatter costs far more than using it (the calendar formats hundreds
// of instants per page).
const parisDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
const parisTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

export function parisDate(instant: Date): IsoDate {
  const parts = parisDayFormat.format(instant);
  return parts;
}

const parisPartsAt = remembered((time: number) => {
  const parts = parisTimeFormat.formatToParts(new Date(time));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
});

function parisParts(instant: Date) {
  return parisPartsAt(instant.getTime());
}

/** The instant when the clocks of Paris show `hour`:00 on `day` (summer and winter time alike). */
export function parisInstant(day: IsoDate, hour: number): Date {
  const base = parseIsoDate(day).getTime() + hour * 3600_000;
  let instant = base;
  for (let i = 0; i < 2; i += 1) {
    const p = parisParts(new Date(instant));
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    instant += base - shown;
  }
  return new Date(instant);
}

/** "12 h", "23 h 06": an hour as French typography writes it, a space on each side of the « h ». */
const hourWords = (p: { hour: number; minute: number }) => `${p.hour} h${p.minute ? ` ${String(p.minute).padStart(2, '0')}` : ''}`;

/** "lundi 12 h": the weekday and hour of an instant in Paris. */
export function formatParisWeekdayHour(instant: Date): string {
  const p = parisParts(instant);
  const day = toIsoDate(new Date(Date.UTC(p.year, p.month - 1, p.day)));
  return `${WEEKDAYS[parseIsoDate(day).getUTCDay()]} ${p.day} ${MONTHS[p.month - 1]} à ${hourWords(p)}`;
}

/** "lun. 12 h": the short form of a deadline that fits in a calendar cell. */
export function formatShortDeadline(instant: Date): string {
  const p = parisParts(instant);
  const weekday = WEEKDAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!;
  return `${weekday.slice(0, 3)}. ${hourWords(p)}`;
}

/** "16 h 45": the time of an instant in Paris, as French typography writes it. */
export function formatParisTime(instant: Date): string {
  return hourWords(parisParts(instant));
}

/** "16:45": the time of an instant in Paris, as a time field holds it. */
export function parisClockTime(instant: Date): string {
  const p = parisParts(instant);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Age in whole years on a day (a child born on 29 February turns a year older on 1 March). */
export function ageOn(birth: IsoDate, day: IsoDate): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A real calendar day written "2026-12-09" (not "2026-02-30"). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // parseIsoDate refuses a day the calendar has not (2023-02-29): a form's bad input, not a fault.
  try {
    return toIsoDate(parseIsoDate(value)) === value;
  } catch {
    return false;
  }
}
