// The child's file: the fiche sanitaire (kept by the family, every save a new version), the persons
// to call and the persons who may collect the child, the authorisations given per school year, the
// departures staff record at the door, and the family's log of who changed what (so that a second
// guardian sees the other's changes). A PAI is a document of its own kind.
import { sql, type Kysely } from 'kysely';

const KINDS_BEFORE = `'justificatif-domicile', 'attestation-caf', 'livret-famille', 'attestation-assurance', 'certificat-medical', 'autre'`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table documents drop constraint documents_kind_check`.execute(db);
  await sql.raw(`alter table documents add constraint documents_kind_check check (kind in (${KINDS_BEFORE}, 'pai'))`).execute(db);

  await db.schema
    .createTable('child_health_records')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('allergies', 'text', (col) => col.check(sql`allergies is null or char_length(allergies) between 1 and 500`))
    .addColumn('diets', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('has_pai', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('pai_document_id', 'bigint', (col) => col.references('documents.id'))
    .addColumn('treatments', 'text', (col) => col.check(sql`treatments is null or char_length(treatments) between 1 and 500`))
    .addColumn('dtp_last_on', 'date')
    .addColumn('vaccinations', 'text', (col) => col.check(sql`vaccinations is null or char_length(vaccinations) between 1 and 500`))
    .addColumn('doctor_name', 'text', (col) => col.check(sql`doctor_name is null or char_length(doctor_name) between 1 and 120`))
    .addColumn('doctor_phone', 'text', (col) => col.check(sql`doctor_phone is null or char_length(doctor_phone) between 1 and 30`))
    .addColumn('insurance_name', 'text', (col) => col.check(sql`insurance_name is null or char_length(insurance_name) between 1 and 120`))
    .addColumn('insurance_number', 'text', (col) => col.check(sql`insurance_number is null or char_length(insurance_number) between 1 and 60`))
    .addColumn('notes', 'text', (col) => col.check(sql`notes is null or char_length(notes) between 1 and 1000`))
    .addColumn('recorded_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('child_health_records_version_key', ['dependant_id', 'version'])
    .execute();

  await db.schema
    .createTable('child_contacts')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('first_name', 'text', (col) => col.notNull().check(sql`char_length(first_name) between 1 and 80`))
    .addColumn('last_name', 'text', (col) => col.notNull().check(sql`char_length(last_name) between 1 and 80`))
    .addColumn('phone', 'text', (col) => col.notNull().check(sql`char_length(phone) between 1 and 30`))
    .addColumn('relationship', 'text', (col) => col.notNull().check(sql`char_length(relationship) between 1 and 80`))
    .addColumn('is_emergency', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('may_collect', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    // A removed contact stays for the departures that name it.
    .addColumn('removed_at', 'timestamptz')
    .addCheckConstraint('child_contacts_some_role', sql`is_emergency or may_collect`)
    .execute();
  await db.schema.createIndex('child_contacts_dependant_idx').on('child_contacts').column('dependant_id').execute();

  await db.schema
    .createTable('child_authorisations')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('school_year', 'text', (col) => col.notNull().check(sql`school_year ~ '^[0-9]{4}-[0-9]{4}$'`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('photo-video', 'home-alone', 'transport', 'emergency-care')`))
    .addColumn('granted', 'boolean', (col) => col.notNull())
    // Going home alone: the ISO weekdays it holds for (1 = lundi).
    .addColumn('weekdays', sql`smallint[]`)
    .addColumn('given_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('given_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('child_authorisations_key', ['dependant_id', 'school_year', 'kind'])
    .execute();

  await db.schema
    .createTable('child_departures')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('reservation_id', 'bigint', (col) => col.notNull().unique().references('reservations.id'))
    .addColumn('left_at', 'timestamptz', (col) => col.notNull())
    .addColumn('collected_by', 'text', (col) => col.notNull().check(sql`collected_by in ('contact', 'guardian', 'alone')`))
    .addColumn('contact_id', 'bigint', (col) => col.references('child_contacts.id'))
    .addColumn('guardian_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('recorded_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
    .addCheckConstraint(
      'child_departures_who',
      sql`(collected_by = 'contact') = (contact_id is not null) and (collected_by = 'guardian') = (guardian_id is not null)`,
    )
    .execute();

  await db.schema
    .createTable('child_file_changes')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('dependant_id', 'bigint', (col) => col.notNull().references('dependants.id'))
    .addColumn('section', 'text', (col) => col.notNull().check(sql`section in ('identity', 'health', 'contacts', 'authorisations', 'guardians')`))
    .addColumn('summary', 'text', (col) => col.notNull().check(sql`char_length(summary) between 1 and 300`))
    .addColumn('changed_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('changed_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('child_file_changes_dependant_idx').on('child_file_changes').columns(['dependant_id', 'changed_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('child_file_changes').execute();
  await db.schema.dropTable('child_departures').execute();
  await db.schema.dropTable('child_authorisations').execute();
  await db.schema.dropTable('child_contacts').execute();
  await db.schema.dropTable('child_health_records').execute();
  await sql`delete from documents where kind = 'pai'`.execute(db);
  await sql`alter table documents drop constraint documents_kind_check`.execute(db);
  await sql.raw(`alter table documents add constraint documents_kind_check check (kind in (${KINDS_BEFORE}))`).execute(db);
}
