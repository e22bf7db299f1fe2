// The journal: staff actions with who, what and values, filtered per commune, never another
// commune's; and append-only in the database itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../../test/helpers/app.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { useTemporal } from '../../../test/helpers/temporal.ts';

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
  expect((await postForm(app(), `/agent/familles/${familyId}/porte-monnaie`, { montant: '5,00', motif: 'Geste commercial' }, { Cookie: rosieres })).status).toBe(303);
});

describe('journal des actions', () => {
  it("shows who did what with which values, to the commune's staff", async () => {
    const html = await (await get('/agent/journal', rosieres)).text();
    expect(html).toContain('agent@rosieres.fr');
    expect(html).toContain('wallet.adjustment');
    expect(html).toContain('Geste commercial');
    expect(html).toContain('Rosières');
    const filtered = await (await get('/agent/journal?action=attendance', rosieres)).text();
    expect(filtered).not.toContain('wallet.adjustment');
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
});
