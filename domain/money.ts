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
