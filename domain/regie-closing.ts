// The régisseur's daily closing and the month's exports, as rules: how each payment method of a
// day is checked (against the provider, against the till, or by the books alone), the totals a
// closing keeps and the differences it names in French, and the months the exports cover.
import { formatEuros } from './money.ts';
import { COUNTER_METHODS, METHOD_LABELS, type CounterMethod, type RegieMethod } from './regies.ts';

/** Card and PayFiP: the provider confirms them. */
export const PROVIDER_METHODS = ['card', 'payfip-card', 'payfip-sepa'] as const satisfies readonly RegieMethod[];

/**
 * `provider`: what the provider confirmed paid that day; `counted`: what the régisseur counts in
 * the till; `books`: money that never reaches the till (the wallet, a transfer the régie sent),
 * the journal is its own proof.
 */
export type MethodCheck = 'provider' | 'counted' | 'books';

export function methodCheck(method: RegieMethod): MethodCheck {
  if ((PROVIDER_METHODS as readonly string[]).includes(method)) return 'provider';
  if ((COUNTER_METHODS as readonly string[]).includes(method)) return 'counted';
  return 'books';
}

export const isCounted = (method: RegieMethod): method is CounterMethod => methodCheck(method) === 'counted';

/** The closing form's field for each counted method. */
export const COUNTED_FIELDS = {
  cash: 'compte_especes',
  cheque: 'compte_cheques',
  cesu: 'compte_cesu',
  'cheques-vacances': 'compte_cheques_vacances',
} as const satisfies Record<CounterMethod, string>;

/** How the closing names what was counted of each method (« compté en CESU », never « en cesu »). */
export const COUNTED_IN = {
  cash: 'en espèces',
  cheque: 'en chèques',
  cesu: 'en CESU',
  'cheques-vacances': 'en chèques vacances',
} as const satisfies Record<CounterMethod, string>;

/** The closing form's label of a counted method's field. */
export const countedLabel = (method: CounterMethod): string => `Compté ${COUNTED_IN[method]} (en euros)`;

/** The message asking for a counted method's amount the régisseur left empty. */
export const countedMissing = (method: CounterMethod): string => `Indiquez le montant compté ${COUNTED_IN[method]} (0 s’il n’y a rien).`;

/** What a method of the day adds up to: the journal (receipts less refunds) and its check. */
export interface MethodBalance {
  method: RegieMethod;
  journalCents: number;
  /** What the provider confirmed, or the régisseur counted; null for a counted method not typed yet. */
  checkedCents: number | null;
}

/** A difference between the journal and its check, in the régisseur's words. */
export function methodDifference(balance: MethodBalance): string | null {
  if (balance.checkedCents === null || balance.checkedCents === balance.journalCents) return null;
  const gap = balance.checkedCents - balance.journalCents;
  const said = methodCheck(balance.method) === 'counted' ? 'compté' : 'confirmé par le prestataire';
  return `${METHOD_LABELS[balance.method]} : ${formatEuros(balance.checkedCents)} ${said} pour ${formatEuros(balance.journalCents)} au journal (${gap > 0 ? 'excédent' : 'manque'} de ${formatEuros(Math.abs(gap))}).`;
}

/**
 * The differences a closed day kept, in the régisseur's words, for the month's statement: what the
 * public accountant must see beside the régisseur's note.
 */
export function closedDayGaps(totals: Partial<Record<RegieMethod, { journalCents: number; checkedCents: number }>>): string[] {
  return (Object.entries(totals) as [RegieMethod, { journalCents: number; checkedCents: number }][]).flatMap(([method, total]) => methodDifference({ method, ...total }) ?? []);
}

/** « 2026-12 »: a month of the books. */
export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** The first and last days of a month ('2026-02' → 2026-02-01, 2026-02-28). */
export function monthDays(month: string): { first: string; last: string } {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** '2026-12' → « décembre 2026 ». */
export function formatMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${MONTH_NAMES[number - 1]} ${year}`;
}

/** The month of a day ('2026-12-08' → '2026-12'). */
export const monthOf = (day: string): string => day.slice(0, 7);
