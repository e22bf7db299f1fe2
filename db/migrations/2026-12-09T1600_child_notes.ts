// The old free-text notes of a child (« pour le personnel : allergies, personnes autorisées… ») were
// health data shown every day on lists, prints and exports, outside the rule the fiche sanitaire
// keeps. Each non-empty note moves into the child's fiche sanitaire: a first version holding it, or
// a new version keeping the current fields with the note after the family's own notes, written
// by no one (the migration) and said in the family's log; the old column is then left empty.
import { sql, type Kysely } from 'kysely';

export const CARRIED_SUMMARY = 'Note reprise dans la fiche sanitaire';

/** The notes' limit, widened so that a family's notes and the old note both fit whole. */
const NOTES_MAX = 2100;

/** Moves every non-empty note into its child's fiche sanitaire, then empties the notes. */
export async function carryNotesIntoHealthRecords(db: Kysely<unknown>): Promise<void> {
  await sql`
    with noted as (
      select id, btrim(notes, E' \t\r\n') as note from dependants
      where notes is not null and btrim(notes, E' \t\r\n') <> ''
      for update
    ), latest as (
      select distinct on (r.dependant_id) r.* from child_health_records r
      join noted on noted.id = r.dependant_id
      order by r.dependant_id, r.version desc
    ), written as (
      insert into child_health_records (
        dependant_id, version, allergies, diets, has_pai, pai_document_id, treatments, dtp_last_on, vaccinations,
        doctor_name, doctor_phone, insurance_name, insurance_number, notes, recorded_by, recorded_at
      )
      select noted.id, coalesce(latest.version, 0) + 1, latest.allergies, coalesce(latest.diets, '{}'), coalesce(latest.has_pai, false),
        latest.pai_document_id, latest.treatments, latest.dtp_last_on, latest.vaccinations, latest.doctor_name, latest.doctor_phone,
        latest.insurance_name, latest.insurance_number,
        case when latest.notes is null then noted.note else latest.notes || E'\n\n' || noted.note end,
        null, now()
      from noted left join latest on latest.dependant_id = noted.id
      returning dependant_id
    )
    insert into child_file_changes (dependant_id, section, summary, changed_by, changed_at)
    select dependant_id, 'health', ${CARRIED_SUMMARY}, null, now() from written
  `.execute(db);
  await sql`update dependants set notes = null where notes is not null`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table child_health_records drop constraint child_health_records_notes_check`.execute(db);
  await sql.raw(`alter table child_health_records add constraint child_health_records_notes_check check (notes is null or char_length(notes) between 1 and ${NOTES_MAX})`).execute(db);
  await carryNotesIntoHealthRecords(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The notes stay in the fiche sanitaire, where the family reads and edits them: moving health
  // data back to where every list shows it is not undone. A note longer than before is kept.
  await sql`alter table child_health_records drop constraint child_health_records_notes_check`.execute(db);
  await sql`alter table child_health_records add constraint child_health_records_notes_check check (notes is null or char_length(notes) between 1 and 1000) not valid`.execute(db);
}
