// Démarches en ligne: a commune publishes a form (its fields in order: text, date, choice, file);
// a family submits a request with its answers; staff and family then write to each other on the
// request (an answer, a question, a reply with a file) until staff accept or refuse it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('request_forms')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('fields', 'jsonb', (col) => col.notNull())
    .addColumn('published', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('request_forms_commune_title_key', ['commune_id', 'title'])
    .execute();

  await db.schema
    .createTable('online_requests')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('form_id', 'bigint', (col) => col.notNull().references('request_forms.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('waiting-staff').check(sql`status in ('waiting-staff', 'documents-requested', 'approved', 'refused')`),
    )
    .addColumn('answers', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id'))
    .execute();
  await db.schema.createIndex('online_requests_user_idx').on('online_requests').column('user_id').execute();
  await db.schema.createIndex('online_requests_form_status_idx').on('online_requests').columns(['form_id', 'status']).execute();

  await db.schema
    .createTable('request_messages')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('request_id', 'bigint', (col) => col.notNull().references('online_requests.id'))
    .addColumn('author_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('from_staff', 'boolean', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('document_id', 'bigint', (col) => col.references('documents.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('request_messages_request_idx').on('request_messages').column('request_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['request_messages', 'online_requests', 'request_forms']) await db.schema.dropTable(table).execute();
}
