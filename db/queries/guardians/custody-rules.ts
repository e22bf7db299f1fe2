// Billing rules of shared custody, per child and product: proposed by one guardian, applied once
// the other agreed. Without an agreed rule each pays what they book.
import { sql } from 'kysely';
import { weekHolder } from '../../../domain/custody.ts';
import type { IsoDate } from '../../../domain/dates.ts';
import type { Db } from '../../connection.ts';
import type { CustodyRuleKind } from '../../guardian-tables.ts';

export type RuleProposal =
  | { rule: 'each' }
  | { rule: 'split'; firstSharePercent: number }
  | { rule: 'alternate'; referenceMonday: IsoDate; referenceGuardianId: number };

/** The child's rules still in force or waiting, per product, with the product's name. */
export function custodyRules(db: Db, dependantId: number) {
  return db
    .selectFrom('custody_rules')
    .innerJoin('products', 'products.id', 'custody_rules.product_id')
    .selectAll('custody_rules')
    .select('products.name as product')
    .where('custody_rules.dependant_id', '=', dependantId)
    .where('custody_rules.state', 'in', ['pending', 'agreed'])
    .orderBy('products.name')
    .orderBy('custody_rules.id')
    .execute();
}

export type CustodyRuleRow = Awaited<ReturnType<typeof custodyRules>>[number];

/** A proposal replaces the proposer's pending one for the product; the other guardian answers it. */
export async function proposeRule(db: Db, input: { dependantId: number; productId: number; userId: number; proposal: RuleProposal; now: Date }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.selectFrom('dependants').select('id').where('id', '=', input.dependantId).forUpdate().executeTakeFirstOrThrow();
    await trx.updateTable('custody_rules').set({ state: 'withdrawn', ended_at: input.now }).where('dependant_id', '=', input.dependantId).where('product_id', '=', input.productId).where('state', '=', 'pending').execute();
    const p = input.proposal;
    const { id } = await trx
      .insertInto('custody_rules')
      .values({
        dependant_id: input.dependantId,
        product_id: input.productId,
        rule: p.rule,
        first_share_percent: p.rule === 'split' ? p.firstSharePercent : null,
        reference_monday: p.rule === 'alternate' ? p.referenceMonday : null,
        reference_guardian_id: p.rule === 'alternate' ? p.referenceGuardianId : null,
        proposed_by: input.userId,
        proposed_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('child_file_changes').values({ dependant_id: input.dependantId, section: 'guardians', summary: `Règle de paiement proposée : ${ruleWords[p.rule]}.`, changed_by: input.userId, changed_at: input.now }).execute();
    return id;
  });
}

export const ruleWords: Record<CustodyRuleKind, string> = { each: 'chacun paie ce qu’il réserve', split: 'partage par pourcentage', alternate: 'semaines alternées' };

export type AnswerOutcome = 'agreed' | 'refused' | 'withdrawn' | 'not-found';

/**
 * The other guardian agrees or refuses a pending rule; its proposer may only withdraw it. Agreed,
 * it replaces the rule in force for the product.
 */
export async function answerRule(db: Db, input: { dependantId: number; ruleId: number; userId: number; answer: 'agree' | 'refuse' | 'withdraw'; now: Date }): Promise<AnswerOutcome> {
  return db.transaction().execute(async (trx) => {
    const rule = await trx
      .selectFrom('custody_rules')
      .select(['id', 'product_id', 'proposed_by', 'rule'])
      .where('id', '=', input.ruleId)
      .where('dependant_id', '=', input.dependantId)
      .where('state', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!rule || (rule.proposed_by === input.userId) !== (input.answer === 'withdraw')) return 'not-found';
    if (input.answer === 'withdraw') {
      await trx.updateTable('custody_rules').set({ state: 'withdrawn', ended_at: input.now }).where('id', '=', rule.id).execute();
      return 'withdrawn';
    }
    if (input.answer === 'refuse') {
      await trx.updateTable('custody_rules').set({ state: 'refused', ended_at: input.now }).where('id', '=', rule.id).execute();
      await trx.insertInto('child_file_changes').values({ dependant_id: input.dependantId, section: 'guardians', summary: `Règle de paiement refusée : ${ruleWords[rule.rule]}.`, changed_by: input.userId, changed_at: input.now }).execute();
      return 'refused';
    }
    await trx.updateTable('custody_rules').set({ state: 'replaced', ended_at: input.now }).where('dependant_id', '=', input.dependantId).where('product_id', '=', rule.product_id).where('state', '=', 'agreed').execute();
    await trx.updateTable('custody_rules').set({ state: 'agreed', agreed_by: input.userId, agreed_at: input.now }).where('id', '=', rule.id).execute();
    await trx.insertInto('child_file_changes').values({ dependant_id: input.dependantId, section: 'guardians', summary: `Règle de paiement acceptée : ${ruleWords[rule.rule]}.`, changed_by: input.userId, changed_at: input.now }).execute();
    return 'agreed';
  });
}

/**
 * Under agreed alternate weeks, the days of these children that fall in the other guardian's
 * weeks for this product, with that guardian's first name: the booker may not book them.
 */
export async function othersWeekDays(db: Db, input: { userId: number; productId: number; dependantIds: number[]; days: IsoDate[] }): Promise<{ dependantId: number; day: IsoDate; holder: string }[]> {
  if (input.dependantIds.length === 0 || input.days.length === 0) return [];
  const rules = await db
    .selectFrom('custody_rules')
    .innerJoin('dependants', 'dependants.id', 'custody_rules.dependant_id')
    .select(['custody_rules.dependant_id', 'custody_rules.reference_monday', 'custody_rules.reference_guardian_id', 'dependants.guardian_id', 'dependants.co_guardian_id'])
    .where('custody_rules.product_id', '=', input.productId)
    .where('custody_rules.dependant_id', 'in', input.dependantIds)
    .where('custody_rules.state', '=', 'agreed')
    .where('custody_rules.rule', '=', 'alternate')
    .where('dependants.co_guardian_id', 'is not', null)
    .execute();
  if (rules.length === 0) return [];
  const names = new Map(
    (await db.selectFrom('users').select(['id', sql<string>`coalesce(first_name, 'l’autre parent')`.as('name')]).where('id', 'in', rules.flatMap((r) => [r.guardian_id, r.co_guardian_id!])).execute()).map((u) => [u.id, u.name]),
  );
  return rules.flatMap((rule) => {
    const reference = rule.reference_guardian_id!;
    const other = reference === rule.guardian_id ? rule.co_guardian_id! : rule.guardian_id;
    return input.days.flatMap((day) => {
      const holder = weekHolder({ referenceMonday: rule.reference_monday!, referenceGuardianId: reference, otherGuardianId: other }, day);
      return holder === input.userId ? [] : [{ dependantId: rule.dependant_id, day, holder: names.get(holder) ?? 'l’autre parent' }];
    });
  });
}

/** The products a rule may be set for: those published online in either guardian's commune. */
export function productsForRules(db: Db, guardianIds: number[]) {
  return db
    .selectFrom('products')
    .innerJoin('users', 'users.commune_id', 'products.commune_id')
    .select(['products.id', 'products.name'])
    .distinct()
    .where('users.id', 'in', guardianIds)
    .where('products.published', '=', true)
    .where('products.channel', '=', 'online')
    .orderBy('products.name')
    .execute();
}
