// The PAI document for staff: opened from the health view of a confirmed reservation of their
// communes whose service day is today (in Paris), never cached, each opening journalled; never on
// another day, by another commune's staff, once the family withdrew it, nor through the staff's
// document routes (404 to a decision, as if it did not exist). And the fiche's words stay off the
// staff's family page.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, parisInstant, type IsoDate } from '../../domain/dates.ts';
import { PNG_1X1 } from '../../test/fixtures/files.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
let current = testNow();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => current });
const get = (path: string, cookie: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });

let DAYS: IsoDate[] = [];
let reservation: number;
let childId: number;
let familyId: number;
let paiId: number;

const fiche: [string, string][] = [
  ['allergies', 'Arachide (choc anaphylactique)'], ['has_pai', 'oui'], ['diets', 'pai-panier'], ['treatments', 'Stylo adrénaline'], ['dtp_last_on', ''], ['vaccinations', ''],
  ['doctor_name', 'Dr Vidal'], ['doctor_phone', ''], ['insurance_name', ''], ['insurance_number', ''], ['notes', 'Récupéré par sa marraine'],
];

function saveFiche(cookie: string, fields: [string, string | File][]) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return app().request(`/mon-compte/enfants/${childId}/sante`, { method: 'POST', body, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  DAYS = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 3);
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  const family = await bookingFamily(database.db, 'pai@example.fr', [{ first: 'Jérémy', birth: '2017-04-12' }]);
  familyId = family.user.id;
  childId = family.dependants[0]!.id;
  if (!(await holdPlaces(database.db, family, 'Matin', [DAYS[1]!], testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, testNow());
  reservation = (await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).executeTakeFirstOrThrow()).id;
  const saved = await saveFiche(await login(app(), 'pai@example.fr'), [...fiche, ['pai_document', new File([PNG_1X1 as Uint8Array<ArrayBuffer>], 'pai-jeremy.png', { type: 'image/png' })]]);
  if (saved.status !== 303) throw new Error(`fiche refused (${saved.status})`);
  paiId = (await database.db.selectFrom('documents').select('id').where('owner_id', '=', familyId).where('kind', '=', 'pai').executeTakeFirstOrThrow()).id;
});

async function on(day: IsoDate) {
  current = parisInstant(day, 10);
  return { staff: await login(app(), 'agent@rosieres.fr'), outsider: await login(app(), 'agent@aiguilhe.fr'), parent: await login(app(), 'pai@example.fr') };
}
const paiOf = (id: number) => `/agent/enfants/reservations/${id}/pai`;
const openings = () => database.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'details']).where('action', '=', 'child-health.pai-opened').execute();

describe('the PAI document for staff', () => {
  it('opens from the health view on the service day, never cached, and journals the opening without the document', async () => {
    const { staff } = await on(DAYS[1]!);
    const view = await (await get(`/agent/enfants/reservations/${reservation}/sante`, staff)).text();
    expect(view).toContain(`href="/agent/enfants/reservations/${reservation}/pai"`);
    const response = await get(paiOf(reservation), staff);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG_1X1);
    const journal = await openings();
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({ subject_type: 'dependant', subject_id: childId, details: { reservationId: reservation } });
  });

  it('answers 404 the day before and after, 403 to another commune, refuses a parent, and journals none of them', async () => {
    const before = (await openings()).length;
    for (const day of [DAYS[0]!, DAYS[2]!]) {
      const { staff } = await on(day);
      expect((await get(paiOf(reservation), staff)).status).toBe(404);
    }
    const { outsider, parent } = await on(DAYS[1]!);
    expect((await get(paiOf(reservation), outsider)).status).toBe(403);
    expect([303, 403]).toContain((await get(paiOf(reservation), parent)).status);
    expect(await openings()).toHaveLength(before);
  });

  it('stays closed through the staff document routes: no file, no decision (404), nothing changed', async () => {
    const { staff, outsider } = await on(DAYS[1]!);
    expect((await get(`/agent/documents/${paiId}`, staff)).status).toBe(403);
    for (const cookie of [staff, outsider]) {
      const decided = await postForm(app(), `/agent/documents/${paiId}/decision`, { decision: 'refuser', motif: 'Illisible, merci de le renvoyer' }, { Cookie: cookie });
      expect(decided.status).toBe(404);
    }
    expect(await database.db.selectFrom('documents').select(['status', 'refusal_reason']).where('id', '=', paiId).executeTakeFirstOrThrow()).toMatchObject({ status: 'pending', refusal_reason: null });
    expect(await database.db.selectFrom('audit_log').select('id').where('action', 'like', 'document.%').execute()).toEqual([]);
  });

  it("keeps the fiche's words off the staff's family page", async () => {
    const { staff } = await on(DAYS[1]!);
    const html = await (await get(`/agent/familles/${familyId}`, staff)).text();
    expect(html).toContain('Jérémy');
    expect(html).not.toMatch(/Arachide|adrénaline|marraine|pai-jeremy/);
  });

  it('is closed once the family withdraws the PAI', async () => {
    const { staff, parent } = await on(DAYS[1]!);
    const withdrawn = fiche.map(([name, value]): [string, string] => (name === 'has_pai' ? [name, 'non'] : name === 'diets' ? [name, 'sans-porc'] : [name, value]));
    expect((await saveFiche(parent, withdrawn)).status).toBe(303);
    expect((await get(paiOf(reservation), staff)).status).toBe(404);
    expect(await (await get(`/agent/enfants/reservations/${reservation}/sante`, staff)).text()).not.toContain('/pai"');
  });
});
