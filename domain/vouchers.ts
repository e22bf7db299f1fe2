// Vouchers ("bons de réduction"): whether a code applies to an order, and how much it takes off.
// The reasons are the French sentences the recap shows next to the code.
import type { IsoDate } from './dates.ts';
import { formatEuros } from './money.ts';

export interface Voucher {
  kind: 'amount' | 'percent';
  /** Cents for an amount, 1 to 100 for a percentage. */
  value: number;
  validFrom: IsoDate;
  validUntil: IsoDate;
  minOrderCents: number;
  maxUses: number | null;
  maxUsesPerFamily: number | null;
  communeId: number | null;
  productId: number | null;
}

export interface VoucherContext {
  today: IsoDate;
  orderTotalCents: number;
  usesTotal: number;
  usesByFamily: number;
  lines: { productId: number; communeId: number; priceCents: number }[];
}

export function voucherProblem(voucher: Voucher, context: VoucherContext): string | null {
  if (context.today < voucher.validFrom) return "Ce bon de réduction n'est pas encore valable.";
  if (context.today > voucher.validUntil) return "Ce bon de réduction n'est plus valable.";
  if (voucher.maxUses !== null && context.usesTotal >= voucher.maxUses) return 'Ce bon de réduction a déjà été utilisé autant de fois que prévu.';
  if (voucher.maxUsesPerFamily !== null && context.usesByFamily >= voucher.maxUsesPerFamily) return 'Vous avez déjà utilisé ce bon de réduction.';
  if (context.orderTotalCents < voucher.minOrderCents) return `Ce bon de réduction demande une commande d'au moins ${formatEuros(voucher.minOrderCents)}.`;
  if (eligibleCents(voucher, context) === 0) return 'Ce bon de réduction ne concerne aucun produit de votre commande.';
  return null;
}

function eligibleCents(voucher: Voucher, context: VoucherContext): number {
  return context.lines
    .filter((line) => (voucher.productId === null || line.productId === voucher.productId) && (voucher.communeId === null || line.communeId === voucher.communeId))
    .reduce((sum, line) => sum + line.priceCents, 0);
}

/** What the voucher takes off: never more than the products it concerns. */
export function voucherDiscount(voucher: Voucher, context: VoucherContext): number {
  const eligible = eligibleCents(voucher, context);
  return voucher.kind === 'amount' ? Math.min(voucher.value, eligible) : Math.min(eligible, Math.round((eligible * voucher.value) / 100));
}
