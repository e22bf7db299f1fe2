// Card refunds made by the provider itself (Paybox's refund call) instead of by hand in its back
// office: a refund is requested in the cancellation's transaction, then done (with the provider's
// reference, and only then journalled), refused (staff try again or give it to the wallet), or
// given to the wallet. What Paybox needs to refund a payment (its call and transaction numbers) is
// kept on the payment, and each régie may hold the key of its own Paybox Direct account.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('payments').addColumn('paybox_numappel', 'text').addColumn('paybox_numtrans', 'text').execute();
  await db.schema.alterTable('regies').addColumn('paybox_cle', 'text').execute();
  await db.schema
    .alterTable('card_refunds')
    // Refunds recorded before were made at the provider by staff: done.
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('done').check(sql`state in ('requested', 'done', 'refused', 'to-wallet')`))
    // By the provider's refund call, or by the régie's transfer where the provider has none (PayFiP).
    .addColumn('method', 'text', (col) => col.notNull().defaultTo('provider').check(sql`method in ('provider', 'transfer')`))
    // Each try at the provider is a question of its own (NUMQUESTION): a retry of the same try asks the same.
    .addColumn('attempt', 'integer', (col) => col.notNull().defaultTo(1).check(sql`attempt > 0`))
    .addColumn('provider_code', 'text')
    .addColumn('provider_comment', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table card_refunds alter column provider_reference drop not null`.execute(db);
  await sql`alter table card_refunds add constraint card_refunds_done_reference check (state <> 'done' or provider_reference is not null)`.execute(db);
  await db.schema.alterTable('card_refunds').alterColumn('state', (col) => col.setDefault('requested')).execute();
  await db.schema.createIndex('card_refunds_open_idx').on('card_refunds').column('state').where(sql.ref('state'), 'in', ['requested', 'refused']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('card_refunds_open_idx').execute();
  await sql`alter table card_refunds drop constraint card_refunds_done_reference`.execute(db);
  await sql`update card_refunds set provider_reference = '' where provider_reference is null`.execute(db);
  await sql`alter table card_refunds alter column provider_reference set not null`.execute(db);
  await db.schema.alterTable('card_refunds').dropColumn('state').dropColumn('method').dropColumn('attempt').dropColumn('provider_code').dropColumn('provider_comment').dropColumn('updated_at').execute();
  await db.schema.alterTable('regies').dropColumn('paybox_cle').execute();
  await db.schema.alterTable('payments').dropColumn('paybox_numappel').dropColumn('paybox_numtrans').execute();
}
