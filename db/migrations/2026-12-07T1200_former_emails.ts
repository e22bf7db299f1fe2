// The addresses a family left when it changed its e-mail: mail sent to them stays in the outbox,
// and the erasure must find it there too.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('former_emails')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('left_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('former_emails_pkey', ['user_id', 'email'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('former_emails').execute();
}
