// The old notes of a child move into the fiche sanitaire (a first version, or a new one keeping
// the family's fields with the note after their own notes), said in the family's log, and the old
// column is emptied. Run on a migrated database: the step is the migration's own.
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createParent } from '../test/helpers/accounts.ts';
import { testNow } from '../test/helpers/clock.ts';
import { useTestDatabase } from '../test/helpers/database.ts';
import { CARRIED_SUMMARY, carryNotesIntoHealthRecords } from './migrations/2026-12-09T1600_child_notes.ts';

const database = useTestDatabase();

async function child(guardianId: number, first: string, notes: string | null) {
  return (
    await database.db.insertInto('dependants').values({ guardian_id: guardianId, first_name: first, last_name: 'Note', birth_date: '2018-03-04', relationship: 'enfant', notes }).returning('id').executeTakeFirstOrThrow()
  ).id;
}

const records = (id: number) => database.db.selectFrom('child_health_records').selectAll().where('dependant_id', '=', id).orderBy('version').execute();

describe('the old notes carried into the fiche sanitaire', () => {
  it('writes a first version, or a new one keeping the fiche, logs it for the family, and empties the notes', async () => {
    const parent = await createParent(database.db, 'notes@example.fr', { status: 'validated' });
    const alone = await child(parent.id, 'Seule', '  Allergie aux œufs. Récupérée par sa tante\n');
    const filed = await child(parent.id, 'Fichée', 'PAI signé');
    const filedWithout = await child(parent.id, 'Sansnote', 'Régime sans porc');
    const blank = await child(parent.id, 'Vide', '   ');
    const none = await child(parent.id, 'Rien', null);
    await database.db
      .insertInto('child_health_records')
      .values([
        { dependant_id: filed, version: 1, allergies: 'Arachide', diets: ['sans-gluten'], has_pai: true, treatments: 'Ventoline', doctor_name: 'Dr Martin', notes: 'Panier le mercredi', recorded_by: parent.id, recorded_at: testNow() },
        { dependant_id: filed, version: 2, allergies: 'Arachide et noix', diets: ['sans-gluten'], has_pai: true, treatments: 'Ventoline', doctor_name: 'Dr Martin', notes: 'Panier le mercredi', recorded_by: parent.id, recorded_at: testNow() },
        { dependant_id: filedWithout, version: 1, allergies: null, diets: [], doctor_name: 'Dr Roux', recorded_by: parent.id, recorded_at: testNow() },
      ])
      .execute();

    await carryNotesIntoHealthRecords(database.db as unknown as Kysely<unknown>);

    const [first] = await records(alone);
    expect(first).toMatchObject({ version: 1, allergies: null, diets: [], has_pai: false, notes: 'Allergie aux œufs. Récupérée par sa tante', recorded_by: null });
    const kept = await records(filed);
    expect(kept).toHaveLength(3);
    expect(kept[2]).toMatchObject({ version: 3, allergies: 'Arachide et noix', diets: ['sans-gluten'], has_pai: true, treatments: 'Ventoline', doctor_name: 'Dr Martin', notes: 'Panier le mercredi\n\nPAI signé', recorded_by: null });
    expect((await records(filedWithout))[1]).toMatchObject({ version: 2, doctor_name: 'Dr Roux', notes: 'Régime sans porc', recorded_by: null });
    expect(await records(blank)).toEqual([]);
    expect(await records(none)).toEqual([]);

    const changes = await database.db.selectFrom('child_file_changes').select(['dependant_id', 'section', 'summary', 'changed_by']).where('dependant_id', 'in', [alone, filed, filedWithout, blank, none]).execute();
    expect(changes).toHaveLength(3);
    for (const change of changes) expect(change).toMatchObject({ section: 'health', summary: CARRIED_SUMMARY, changed_by: null });
    const notes = await database.db.selectFrom('dependants').select('notes').where('guardian_id', '=', parent.id).execute();
    expect(notes.every((row) => row.notes === null)).toBe(true);

    // Run again (nothing left to carry), it writes nothing more.
    await carryNotesIntoHealthRecords(database.db as unknown as Kysely<unknown>);
    expect(await records(filed)).toHaveLength(3);
  });

  it('keeps a family note and an old note of the longest lengths whole', async () => {
    const parent = await createParent(database.db, 'longues@example.fr', { status: 'validated' });
    const id = await child(parent.id, 'Longue', 'b'.repeat(1000));
    await database.db.insertInto('child_health_records').values({ dependant_id: id, version: 1, notes: 'a'.repeat(1000), recorded_by: parent.id, recorded_at: testNow() }).execute();
    await carryNotesIntoHealthRecords(database.db as unknown as Kysely<unknown>);
    expect((await records(id))[1]!.notes).toHaveLength(2002);
  });
});
