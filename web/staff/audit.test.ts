// The journal: staff actions with who, what and values, filtered per commune, never another
// commune's; and append-only in the database itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { recordAudit } from '../../db/queries/staff/audit.ts';
import { requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { bookingFamily, demoProduct } from '../../test/helpers/booking.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { testNow } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let rosieres: string;
let bains: string;
let familyId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  rosieres = await login(app(), 'agent@rosieres.fr');
  bains = await login(app(), 'agent@bains.fr');
  familyId = (await createParent(database.db, 'journal@example.fr', { commune: 'rosieres', status: 'validated' })).id;
  const jeton = /name="jeton" value="([0-9a-f-]{36})"/.exec(await (await get(`/agent/familles/${familyId}`, rosieres)).text())![1]!;
  expect((await postForm(app(), `/agent/familles/${familyId}/porte-monnaie`, { montant: '5,00', motif: 'Geste commercial', jeton }, { Cookie: rosieres })).status).toBe(303);
});

describe('journal des actions', () => {
  it("shows who did what with which values, to the commune's staff", async () => {
    const html = await (await get('/agent/journal', rosieres)).text();
    expect(html).toContain('agent@rosieres.fr');
    // The action in words, the code kept in the database for the filters.
    expect(html).toContain('Ajustement du porte-monnaie');
    expect(html).not.toContain('wallet.adjustment');
    expect(html).toContain('Geste commercial');
    expect(html).toContain('Rosières');
    const filtered = await (await get('/agent/journal?action=attendance', rosieres)).text();
    expect(filtered).not.toContain('Ajustement du porte-monnaie');
  });

  it("shows another commune's staff nothing of it, even when they ask for that commune", async () => {
    const rosieresId = (await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
    for (const path of ['/agent/journal', `/agent/journal?commune=${rosieresId}`]) expect(await (await get(path, bains)).text()).not.toContain('Geste commercial');
  });

  it('cannot be changed or erased, even by SQL', async () => {
    await expect(database.db.updateTable('audit_log').set({ action: 'rien' }).execute()).rejects.toThrow('audit_log is append-only (UPDATE refused)');
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow('audit_log is append-only (DELETE refused)');
    expect((await database.db.selectFrom('audit_log').select('action').execute()).map((row) => row.action)).toContain('wallet.adjustment');
  });

  it("shows Bains' staff no Rosières absence, erasure or offer, even when a Bains family has the same id", async () => {
    const nextId = (table: string, value: number) => sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${value})`.execute(database.db);
    const product = await demoProduct(database.db);
    expect(product.commune_id).toBe((await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id);
    const family = await bookingFamily(database.db, 'malade@example.fr');
    const subjects: { type: string; id: number; secret: string }[] = [];

    await nextId('absences', 900_000);
    const absence = await database.db
      .insertInto('absences')
      .values({ user_id: family.user.id, dependant_id: family.dependants[0]!.id, product_id: product.id, certificate_due_at: testNow(), declared_at: testNow() })
      .returning('id')
      .executeTakeFirstOrThrow();
    subjects.push({ type: 'absence', id: absence.id, secret: 'Varicelle de Jérémy' });
    await nextId('erasure_requests', 910_000);
    subjects.push({ type: 'erasure', id: await requestErasure(database.db, { userId: family.user.id, iban: null, now: testNow() }), secret: 'VIR-ROSIERES-1' });
    await nextId('service_offers', 920_000);
    const offer = await database.db.insertInto('service_offers').values({ commune_id: product.commune_id, label: 'CANTINE ROSIÈRES', position: 99 }).returning('id').executeTakeFirstOrThrow();
    subjects.push({ type: 'service-offer', id: offer.id, secret: 'Pièces de la cantine de Rosières' });

    for (const subject of subjects) {
      // A Bains family whose account id is the subject's: the old reading took one for the other.
      await nextId('users', subject.id - 1);
      expect((await createParent(database.db, `bains-${subject.type}@example.fr`, { commune: 'bains', status: 'validated' })).id).toBe(subject.id);
      await recordAudit(database.db, { actorId: null, action: `${subject.type}.test`, subject: { type: subject.type, id: subject.id }, details: { secret: subject.secret } });
    }
    const theirs = await (await get('/agent/journal', bains)).text();
    const ours = await (await get('/agent/journal', rosieres)).text();
    for (const subject of subjects) {
      expect(theirs).not.toContain(subject.secret);
      expect(ours).toContain(subject.secret);
    }
  });
});
