// The day a benchmark's figures were measured: the machine's date, even under AS_OF, which moves
// only the product's clock.
export function measuredAt(): string {
  // eslint-disable-next-line no-restricted-syntax -- the measurement's own date, not the product's
  return new Date().toISOString();
}
