// The family (dependants, "Mes filiations"), addresses, subscriptions to the communes' service
// offers ("Mes services"), and e-mail changes confirmed by a link.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dependants')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('guardian_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (col) => col.notNull().check(sql`length(btrim(first_name)) between 1 and 60`))
    .addColumn('last_name', 'text', (col) => col.notNull().check(sql`length(btrim(last_name)) between 1 and 60`))
    .addColumn('birth_date', 'date', (col) => col.notNull())
    .addColumn('relationship', 'text', (col) => col.notNull().check(sql`relationship in ('enfant', 'conjoint', 'autre')`))
    .addColumn('notes', 'text', (col) => col.check(sql`length(notes) <= 1000`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The same person twice in one family is a mistake; twins share a birth date, not a first name.
  await db.schema
    .createIndex('dependants_unique_person')
    .on('dependants')
    .unique()
    .expression(sql`guardian_id, lower(first_name), lower(last_name), birth_date`)
    .execute();

  await db.schema
    .createTable('addresses')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('label', 'text', (col) => col.notNull().check(sql`length(label) between 1 and 60`))
    .addColumn('line1', 'text', (col) => col.notNull().check(sql`length(line1) between 1 and 200`))
    .addColumn('line2', 'text', (col) => col.check(sql`length(line2) <= 200`))
    .addColumn('postal_code', 'text', (col) => col.notNull().check(sql`postal_code ~ '^[0-9]{5}$'`))
    .addColumn('city', 'text', (col) => col.notNull().check(sql`length(city) between 1 and 100`))
    .addColumn('is_default', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('addresses_user_idx').on('addresses').column('user_id').execute();
  await db.schema.createIndex('addresses_one_default').on('addresses').column('user_id').unique().where(sql.ref('is_default'), '=', true).execute();

  await db.schema
    .createTable('subscriptions')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('service_offer_id', 'bigint', (col) => col.notNull().references('service_offers.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('pending').check(sql`status in ('pending', 'validated', 'refused')`))
    .addColumn('status_reason', 'text')
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addUniqueConstraint('subscriptions_user_offer_key', ['user_id', 'service_offer_id'])
    .execute();
  await db.schema.createIndex('subscriptions_offer_status_idx').on('subscriptions').columns(['service_offer_id', 'status']).execute();

  await sql`alter table one_time_tokens drop constraint one_time_tokens_purpose_check`.execute(db);
  await sql`alter table one_time_tokens add constraint one_time_tokens_purpose_check
    check (purpose in ('signup', 'password-reset', 'invitation', 'email-change'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from one_time_tokens where purpose = 'email-change'`.execute(db);
  await sql`alter table one_time_tokens drop constraint one_time_tokens_purpose_check`.execute(db);
  await sql`alter table one_time_tokens add constraint one_time_tokens_purpose_check
    check (purpose in ('signup', 'password-reset', 'invitation'))`.execute(db);
  for (const table of ['subscriptions', 'addresses', 'dependants']) await db.schema.dropTable(table).execute();
}
