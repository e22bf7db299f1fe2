// Absences for illness: a parent declares booked days of a child absent, with a medical
// certificate sent within a delay; staff accept (each day's net paid price goes back to the wallet,
// once) or refuse with a reason. Each product says how long after a day an absence may still be
// declared and how many days the certificate may take. A reservation is in one absence at most.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('products')
    .addColumn('absence_declare_hours', 'integer', (col) => col.notNull().defaultTo(48).check(sql`absence_declare_hours between 0 and 720`))
    .addColumn('absence_certificate_days', 'integer', (col) => col.notNull().defaultTo(7).check(sql`absence_certificate_days between 1 and 60`))
    .execute();

  await sql`alter table documents drop constraint documents_kind_check`.execute(db);
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('justificatif-domicile', 'attestation-caf', 'livret-famille', 'attestation-assurance', 'certificat-medical', 'autre'))`.execute(db);

  await db.schema
    .createTable('absences')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('product_id', 'bigint', (col) => col.notNull().references('products.id'))
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('waiting-certificate').check(sql`status in ('waiting-certificate', 'waiting-staff', 'accepted', 'refused', 'unjustified')`),
    )
    .addColumn('certificate_id', 'bigint', (col) => col.references('documents.id'))
    .addColumn('certificate_due_at', 'timestamptz', (col) => col.notNull())
    .addColumn('refusal_reason', 'text', (col) => col.check(sql`refusal_reason is null or char_length(refusal_reason) between 1 and 500`))
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('declared_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('absences_user_idx').on('absences').column('user_id').execute();
  await db.schema.createIndex('absences_waiting_idx').on('absences').column('product_id').where(sql.ref('status'), '=', 'waiting-staff').execute();

  await db.schema
    .createTable('absence_days')
    .addColumn('absence_id', 'bigint', (col) => col.notNull().references('absences.id'))
    .addColumn('reservation_id', 'bigint', (col) => col.notNull().unique().references('reservations.id'))
    // What the wallet got back for the day, once the absence is accepted.
    .addColumn('credited_cents', 'integer', (col) => col.check(sql`credited_cents >= 0`))
    .addPrimaryKeyConstraint('absence_days_pk', ['absence_id', 'reservation_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('absence_days').execute();
  await db.schema.dropTable('absences').execute();
  await sql`delete from documents where kind = 'certificat-medical'`.execute(db);
  await sql`alter table documents drop constraint documents_kind_check`.execute(db);
  await sql`alter table documents add constraint documents_kind_check
    check (kind in ('justificatif-domicile', 'attestation-caf', 'livret-famille', 'attestation-assurance', 'autre'))`.execute(db);
  await db.schema.alterTable('products').dropColumn('absence_declare_hours').dropColumn('absence_certificate_days').execute();
}
