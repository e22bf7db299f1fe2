// A closure's rules and what it will do, read the same way for the confirmation page and for the
// confirmed post: the days (not past, in order, three months at most), the products (the staff's
// communes', running on those days, not already closed), and per product the reservations it will
// cancel with each family's refund and mail.
import type { Db } from '../../db/connection.ts';
import { productsOfCommunes } from '../../db/queries/tickets/index.ts';
import { closureCovering } from '../../db/queries/closures/closures.ts';
import { closureLines, productsRunningBetween, type ClosureLine } from '../../db/queries/closures/closure-preview.ts';
import { addDays, parisDate, type IsoDate } from '../../domain/dates.ts';
import type { FieldErrors } from '../forms/forms.ts';

export interface ClosedProduct {
  id: number;
  name: string;
  commune: string;
}

export interface FamilyRefund {
  id: number;
  family: string;
  email: string;
  children: string[];
  refundCents: number;
}

export interface ProductPlan {
  product: ClosedProduct;
  lines: ClosureLine[];
  families: FamilyRefund[];
  refundCents: number;
}

export interface ClosurePlan {
  products: ProductPlan[];
  reservations: number;
  refundCents: number;
  /** One per family and product: each product's closure mails its families once. */
  mails: number;
}

type Checked = { ok: true; products: ClosedProduct[] } | { ok: false; errors: FieldErrors };

export async function checkClosure(db: Db, input: { du: IsoDate; au: IsoDate; productIds: number[]; communeIds: number[]; today: Date }): Promise<Checked> {
  const refuse = (errors: FieldErrors): Checked => ({ ok: false, errors });
  const today = parisDate(input.today);
  if (input.du < today) return refuse({ du: 'Le premier jour ne peut pas être passé.' });
  if (input.au < input.du) return refuse({ au: 'Le dernier jour suit le premier.' });
  if (input.au > addDays(input.du, 92)) return refuse({ au: 'Une fermeture dure trois mois au plus.' });
  const [mine, running] = await Promise.all([productsOfCommunes(db, input.communeIds), productsRunningBetween(db, input.communeIds, input.du, input.au)]);
  const products: ClosedProduct[] = [];
  for (const id of input.productIds) {
    const own = mine.find((product) => product.id === id);
    if (!own) return refuse({ produit: "Cette activité n'est pas de vos communes." });
    const product = running.find((p) => p.id === id);
    if (!product) return refuse({ produit: `${own.name} – ${own.commune} ne fonctionne aucun de ces jours.` });
    products.push({ id: product.id, name: product.name, commune: product.commune });
  }
  const closed: ClosedProduct[] = [];
  for (const product of products) if (await closureCovering(db, product.id, input.du, input.au)) closed.push(product);
  if (closed.length > 0) {
    const names = closed.map((product) => `${product.name} – ${product.commune}`).join(', ');
    return refuse({ du: `Ces jours sont déjà fermés pour cette activité (${names}) : formulaire envoyé deux fois ? Rien n’a été changé.` });
  }
  return { ok: true, products };
}

export async function closurePlan(db: Db, products: ClosedProduct[], days: { du: IsoDate; au: IsoDate }): Promise<ClosurePlan> {
  const plans: ProductPlan[] = [];
  for (const product of products) {
    const lines = await closureLines(db, product.id, days.du, days.au);
    const families = new Map<number, FamilyRefund>();
    for (const line of lines) {
      const family = families.get(line.familyId) ?? { id: line.familyId, family: line.family, email: line.email, children: [], refundCents: 0 };
      if (!family.children.includes(line.child)) family.children.push(line.child);
      family.refundCents += line.refundCents;
      families.set(line.familyId, family);
    }
    plans.push({ product, lines, families: [...families.values()], refundCents: lines.reduce((sum, line) => sum + line.refundCents, 0) });
  }
  return {
    products: plans,
    reservations: plans.reduce((sum, plan) => sum + plan.lines.length, 0),
    refundCents: plans.reduce((sum, plan) => sum + plan.refundCents, 0),
    mails: plans.reduce((sum, plan) => sum + plan.families.length, 0),
  };
}
