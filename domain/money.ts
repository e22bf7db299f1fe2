// Money is integer cents everywhere; this is the one place that turns it into French text.

/** 790 → "7,90 €"; 123456 → "1 234,56 €" (narrow no-break space between thousands, no-break space before €). */
export function formatEuros(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant invalide : ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const euros = Math.floor(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const rest = (absolute % 100).toString().padStart(2, '0');
  return `${sign}${euros},${rest}\u00a0€`;
}

/**
 * "7,90", "7.9" or "12" typed in a form → 790; null when it is not an amount of euros with at
 * most two decimals, at most `maxDigits` digits of euros, and a sign only where allowed.
 */
export function parseEuros(text: string, options: { allowNegative?: boolean; maxDigits?: number } = {}): number | null {
  const match = new RegExp(`^(-?)(\\d{1,${options.maxDigits ?? 6}})(?:[,.](\\d{1,2}))?$`).exec(text.trim());
  if (!match || (match[1] && !options.allowNegative)) return null;
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

/** What the family pays for an order: its total less the voucher's discount. */
export function amountDue(totalCents: number, discountCents: number): number {
  return totalCents - discountCents;
}
