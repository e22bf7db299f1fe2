// What a family still needs before it may buy a product: an account, a validated account, and a
// validated subscription to one of the service offers the product requires.

export type MissingStep =
  | { kind: 'login' }
  | { kind: 'account-validation' }
  | { kind: 'subscription'; pending: boolean; offers: { id: number; label: string }[] };

export interface PurchaseContext {
  user: { status: 'pending' | 'validated' | 'rejected' | 'suspended' } | null;
  /** The offers that open the product, with the family's subscription status to each (if any). */
  offers: { id: number; label: string; subscription: 'pending' | 'validated' | 'refused' | null }[];
}

export function missingToBuy(context: PurchaseContext): MissingStep[] {
  if (!context.user) return [{ kind: 'login' }];
  const missing: MissingStep[] = [];
  if (context.user.status !== 'validated') missing.push({ kind: 'account-validation' });
  if (context.offers.length > 0 && !context.offers.some((offer) => offer.subscription === 'validated')) {
    missing.push({
      kind: 'subscription',
      pending: context.offers.some((offer) => offer.subscription === 'pending'),
      offers: context.offers.map(({ id, label }) => ({ id, label })),
    });
  }
  return missing;
}
