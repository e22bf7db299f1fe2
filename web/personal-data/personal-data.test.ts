// « RGPD - Données personnelles »: the page says what is kept, why and how long; the archive holds
// the family's data as JSON and its files, and is theirs alone.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });

let cookie: string;
let other: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  const family = await bookingFamily(database.db, 'rgpd@example.fr', [{ first: 'Maëlys', birth: '2016-02-02' }]);
  await bookingFamily(database.db, 'autre-rgpd@example.fr', [{ first: 'Autrenfant', birth: '2016-02-02' }]);
  cookie = await login(app(), family.user.email);
  other = await login(app(), 'autre-rgpd@example.fr');
  const form = new FormData();
  form.set('kind', 'justificatif-domicile');
  form.set('file', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'facture.png', { type: 'image/png' }));
  expect((await app().request('/mon-compte/documents', { method: 'POST', body: form, headers: { Cookie: cookie, Origin: TEST_ORIGIN } })).status).toBe(303);
});

describe('RGPD - Données personnelles', () => {
  it('says what is kept, why and for how long', async () => {
    const page = await (await app().request('/mon-compte/donnees', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('Ce que nous gardons, pourquoi, et combien de temps');
    expect(page).toContain('10 ans, comme la loi l’impose pour les pièces comptables');
    expect(page).toContain('href="/mon-compte/donnees/archive.zip"');
  });

  it("hands over the family's data and files in one archive, and nothing of another family", async () => {
    const response = await app().request('/mon-compte/donnees/archive.zip', { headers: { Cookie: cookie } });
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const data = JSON.parse(strFromU8(files['donnees.json']!)) as { tables: Record<string, { first_name?: string }[]> };
    expect(data.tables.dependants!.map((d) => d.first_name)).toEqual(['Maëlys']);
    const pieces = Object.keys(files).filter((name) => name.startsWith('pieces/'));
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toMatch(/^pieces\/\d+-facture\.png$/);
    expect(files[pieces[0]!]).toEqual(PNG_1X1);
    expect(strFromU8(files['donnees.json']!)).not.toContain('Autrenfant');
    const theirs = unzipSync(new Uint8Array(await (await app().request('/mon-compte/donnees/archive.zip', { headers: { Cookie: other } })).arrayBuffer()));
    expect(Object.keys(theirs).filter((name) => name.startsWith('pieces/'))).toEqual([]);
  });
});
