// What a family still needs before it may buy a product: an account, a validated account, a
// validated subscription to one of the service offers the product requires, and the valid
// supporting documents it requires.

export type MissingStep =
  | { kind: 'login' }
  | { kind: 'account-validation' }
  | { kind: 'subscription'; pending: boolean; offers: { id: number; label: string }[] }
  | { kind: 'documents'; types: string[] };

export interface PurchaseContext {
  user: { status: 'pending' | 'validated' | 'rejected' | 'suspended' | 'erased' } | null;
  /** The offers that open the product, with the family's subscription status to each (if any). */
  offers: { id: number; label: string; subscription: 'pending' | 'validated' | 'refused' | null }[];
  /** The document types the product requires, and those the family holds valid today. */
  documents?: { required: readonly string[]; valid: readonly string[] };
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
  const lacking = lackingDocuments(context.documents?.required ?? [], context.documents?.valid ?? []);
  if (lacking.length > 0) missing.push({ kind: 'documents', types: lacking });
  return missing;
}

/** The required document types the family holds none valid of. */
export function lackingDocuments(required: readonly string[], valid: readonly string[]): string[] {
  return required.filter((type) => !valid.includes(type));
}
