// Shared custody: a child's second guardian (their own account), the invitations that make one,
// and the billing rules both guardians agreed per child and product.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('dependants').addColumn('co_guardian_id', 'bigint', (col) => col.references('users.id')).execute();
  await sql`alter table dependants add constraint dependants_two_guardians check (co_guardian_id is null or co_guardian_id <> guardian_id)`.execute(db);
  await db.schema.createIndex('dependants_co_guardian_idx').on('dependants').column('co_guardian_id').where(sql.ref('co_guardian_id'), 'is not', null).execute();

  await db.schema
    .createTable('guardian_invitations')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('invited_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('email', 'text', (col) => col.notNull().check(sql`char_length(email) between 3 and 254`))
    // Only the SHA-256 of the link's token: the link itself is in the mail alone.
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('pending').check(sql`state in ('pending', 'accepted', 'declined', 'cancelled', 'expired')`))
    .addColumn('accepted_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addCheckConstraint('guardian_invitations_accepted', sql`(state = 'accepted') = (accepted_by is not null)`)
    .execute();
  await sql`create unique index guardian_invitations_one_pending on guardian_invitations (dependant_id) where state = 'pending'`.execute(db);

  await db.schema
    .createTable('custody_rules')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addColumn('rule', 'text', (col) => col.notNull().check(sql`rule in ('each', 'split', 'alternate')`))
    // Split: the first guardian's share, in whole percent.
    .addColumn('first_share_percent', 'smallint', (col) => col.check(sql`first_share_percent between 1 and 99`))
    // Alternate weeks: the Monday of a week and the guardian whose week it is; weeks alternate from it.
    .addColumn('reference_monday', 'date', (col) => col.check(sql`extract(isodow from reference_monday) = 1`))
    .addColumn('reference_guardian_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('pending').check(sql`state in ('pending', 'agreed', 'refused', 'withdrawn', 'replaced')`))
    .addColumn('proposed_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('proposed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('agreed_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .addCheckConstraint('custody_rules_split', sql`(rule = 'split') = (first_share_percent is not null)`)
    .addCheckConstraint('custody_rules_alternate', sql`(rule = 'alternate') = (reference_monday is not null and reference_guardian_id is not null)`)
    .addCheckConstraint('custody_rules_agreed', sql`(state = 'agreed' or state = 'replaced') = (agreed_at is not null)`)
    .execute();
  await sql`create unique index custody_rules_one_agreed on custody_rules (dependant_id, product_id) where state = 'agreed'`.execute(db);
  await sql`create unique index custody_rules_one_pending on custody_rules (dependant_id, product_id) where state = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custody_rules').execute();
  await db.schema.dropTable('guardian_invitations').execute();
  await db.schema.alterTable('dependants').dropColumn('co_guardian_id').execute();
}
