// What each line of an order actually cost once its voucher is taken off: the discount is shared
// in proportion to the lines' prices, in whole cents, the odd cents going to the largest shares
// first, so the lines' net prices always add up to what the family paid. A refund of a line is
// its net price, never more.
export function netLinePrices(linePrices: number[], discountCents: number): number[] {
  const total = linePrices.reduce((sum, price) => sum + price, 0);
  if (total === 0 || discountCents <= 0) return [...linePrices];
  const discount = Math.min(discountCents, total);
  const exact = linePrices.map((price) => (price * discount) / total);
  const shares = exact.map(Math.floor);
  let left = discount - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left === 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return linePrices.map((price, index) => price - shares[index]!);
}
