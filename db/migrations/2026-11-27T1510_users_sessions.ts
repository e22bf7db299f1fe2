// Accounts (parents, staff, admins), the communes a staff member serves, and Lucia-style sessions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().check(sql`email = btrim(email) and email like '%_@_%'`))
    .addColumn('password_hash', 'text')
    .addColumn('first_name', 'text')
    .addColumn('last_name', 'text')
    .addColumn('phone', 'text')
    .addColumn('role', 'text', (col) => col.notNull().defaultTo('parent').check(sql`role in ('parent', 'staff', 'admin')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('pending').check(sql`status in ('pending', 'validated', 'rejected', 'suspended')`),
    )
    .addColumn('must_change_password', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('password_changed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // One account per address whatever its case: "Marie@X.fr" and "marie@x.fr" are the same person.
  await db.schema.createIndex('users_email_key').on('users').unique().expression(sql`lower(email)`).execute();

  await db.schema
    .createTable('staff_communes')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('staff_communes_pkey', ['user_id', 'commune_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sessions', 'staff_communes', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
