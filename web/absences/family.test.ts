// Absences for illness through the app, with a worker of the real app running each absence-<id>
// workflow: a parent declares booked days from « Mes réservations » (bad input refused next to its
// field, keeping the choices, storing nothing), sends the certificate later; staff of the
// product's commune accept (the wallet credited once) or refuse with a reason; another family or
// commune sees nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { declareAbsence } from '../../db/queries/absences/absences.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { addDays } from '../../domain/dates.ts';
import { bookingFamily, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { ELF_EXECUTABLE, PNG_1X1 } from '../../test/fixtures/files.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { absenceWorkflowId } from '../../workflows/absences/absence.messages.ts';
import { CommuneAttribute } from '../../workflows/common/search-attributes.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie = '') => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });
// Wednesdays ahead of the tests' clock: three booked at first, a fourth for a later declaration.
let DAYS: string[] = [];
let laterDay = '';

let staff: string;
let outsider: string;
let parent: string;
let neighbour: string;
let userId: number;
let reservations: number[];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  [laterDay, ...DAYS] = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 4).then((days) => [days[3]!, ...days.slice(0, 3)]);
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  const family = await bookingFamily(database.db, 'malade@example.fr');
  await bookingFamily(database.db, 'voisin@example.fr');
  userId = family.user.id;
  if (!(await holdPlaces(database.db, family, 'Matin', DAYS, testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, userId, testNow());
  reservations = (await database.db.selectFrom('reservations').select('id').where('user_id', '=', userId).orderBy('service_date').execute()).map((row) => row.id);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@bains.fr');
  parent = await login(app(), 'malade@example.fr');
  neighbour = await login(app(), 'voisin@example.fr');
});

function send(path: string, fields: [string, string | File][], cookie = parent) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return app().request(path, { method: 'POST', body, headers: { Cookie: cookie, Origin: TEST_ORIGIN } });
}

async function waitForStatus(id: number, status: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if ((await database.db.selectFrom('absences').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the absence never became ${status}`);
}

const png = (name: string) => new File([PNG_1X1 as Uint8Array<ArrayBuffer>], name, { type: 'image/png' });
const absenceIdOf = (response: Response) => Number(/\/mon-compte\/absences\/(\d+)/.exec(response.headers.get('location') ?? '')![1]);

describe('absences for illness', () => {
  it('are declared from « Mes réservations »; bad input is refused next to its field, keeping the choices, storing nothing', async () => {
    const booked = await (await get('/mon-compte/reservations', parent)).text();
    expect(booked).toContain(`href="/mon-compte/reservations/${reservations[0]}/absence"`);
    expect((await get(`/mon-compte/reservations/${reservations[0]}/absence`, neighbour)).status).toBe(404);
    const form = await (await get(`/mon-compte/reservations/${reservations[0]}/absence`, parent)).text();
    expect(form).toContain(`action="/mon-compte/reservations/${reservations[0]}/absence"`);
    expect(form).toContain(`value="${reservations[2]}"`);

    const none = await send(`/mon-compte/reservations/${reservations[0]}/absence`, []);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Cochez au moins un jour d’absence.');
    const virus = await send(`/mon-compte/reservations/${reservations[0]}/absence`, [['jour', String(reservations[1])], ['certificat', new File([ELF_EXECUTABLE as Uint8Array<ArrayBuffer>], 'certificat.pdf')]]);
    expect(virus.status).toBe(400);
    const html = await virus.text();
    expect(html).toContain("Ce fichier n&#39;est ni un PDF, ni une image JPEG ou PNG.");
    expect(html).toMatch(new RegExp(`value="${reservations[1]}" checked`));
    const foreign = await send(`/mon-compte/reservations/${reservations[0]}/absence`, [['jour', String(reservations[0])]], neighbour);
    expect(foreign.status).toBe(404);
    expect(await database.db.selectFrom('absences').select('id').execute()).toEqual([]);
    expect(await database.db.selectFrom('documents').select('id').execute()).toEqual([]);
  });

  it('goes from the family to staff: certificate sent later, accepted, each day credited once', async () => {
    const declared = await send(`/mon-compte/reservations/${reservations[0]}/absence`, [['jour', String(reservations[0])], ['jour', String(reservations[1])]]);
    expect(declared.status).toBe(303);
    const id = absenceIdOf(declared);
    // Operators find its process in the Temporal UI by its product's commune.
    expect((await temporal.client.workflow.getHandle(absenceWorkflowId(id)).describe()).typedSearchAttributes.get(CommuneAttribute)).toBe('Rosières');
    const page = await (await get(`/mon-compte/absences/${id}`, parent)).text();
    expect(page).toContain('En attente du certificat médical');
    expect(page).toContain(`action="/mon-compte/absences/${id}/certificat"`);
    expect((await get(`/mon-compte/absences/${id}`, neighbour)).status).toBe(404);
    // The days declared are no longer offered; the third one still is.
    expect(await (await get('/mon-compte/reservations', parent)).text()).not.toContain(`/mon-compte/reservations/${reservations[1]}/absence"`);

    const empty = await send(`/mon-compte/absences/${id}/certificat`, []);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choisissez le certificat médical');
    expect((await send(`/mon-compte/absences/${id}/certificat`, [['certificat', png('certificat.png')]])).status).toBe(303);
    await waitForStatus(id, 'waiting-staff');

    expect(await (await get('/agent/absences', staff)).text()).toContain(`href="/agent/absences/${id}"`);
    expect(await (await get('/agent/absences', outsider)).text()).not.toContain(`/agent/absences/${id}"`);
    expect((await get(`/agent/absences/${id}`, outsider)).status).toBe(403);
    expect((await get(`/agent/absences/${id}/certificat`, staff)).headers.get('content-type')).toBe('image/png');
    expect((await get(`/agent/absences/${id}/certificat`, outsider)).status).toBe(403);
    expect(await (await get('/agent', staff)).text()).toContain('1 absence(s) pour maladie à examiner');

    const before = await balance(database.db, userId);
    const silent = await postForm(app(), `/agent/absences/${id}/decision`, { decision: 'refuser', raison: '' }, { Cookie: staff });
    expect(silent.status).toBe(400);
    expect(await silent.text()).toContain('Dites à la famille pourquoi');
    expect((await postForm(app(), `/agent/absences/${id}/decision`, { decision: 'accepter' }, { Cookie: outsider })).status).toBe(403);
    expect((await postForm(app(), `/agent/absences/${id}/decision`, { decision: 'accepter' }, { Cookie: staff })).status).toBe(303);
    await waitForStatus(id, 'accepted');
    expect(await balance(database.db, userId)).toBe(before + 2 * 790);
    // Sent again, nothing moves.
    const again = await postForm(app(), `/agent/absences/${id}/decision`, { decision: 'accepter' }, { Cookie: staff });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Cette absence n’attend pas de décision.');
    expect(await balance(database.db, userId)).toBe(before + 2 * 790);
    const story = await (await get(`/mon-compte/absences/${id}`, parent)).text();
    expect(story).toContain('Acceptée, remboursée sur le porte-monnaie');
    expect(story).toContain('Total crédité sur votre porte-monnaie : 15,80\u00a0€');
    const subjects = async () => (await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', 'malade@example.fr').orderBy('id').execute()).map((mail) => mail.subject);
    for (let i = 0; i < 100 && (await subjects()).length < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await subjects()).toEqual(['Votre déclaration d’absence', 'Certificat médical reçu', 'Absence acceptée : votre porte-monnaie est crédité']);
  });

  it('starts its workflow with the certificate when the declaration could not (Temporal unreachable then)', async () => {
    const family = await bookingFamily(database.db, 'sans-workflow@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', [laterDay], testNow())).ok) throw new Error('hold refused');
    await payCart(database.db, family.user.id, testNow());
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
    // Recorded, its workflow never started.
    const declared = await declareAbsence(database.db, { userId: family.user.id, reservationIds: [reservation.id], now: testNow() });
    if (!declared.ok) throw new Error(declared.error);
    const cookie = await login(app(), 'sans-workflow@example.fr');
    expect((await send(`/mon-compte/absences/${declared.absenceId}/certificat`, [['certificat', png('certificat-3.png')]], cookie)).status).toBe(303);
    await waitForStatus(declared.absenceId, 'waiting-staff');
    expect((await postForm(app(), `/agent/absences/${declared.absenceId}/decision`, { decision: 'accepter' }, { Cookie: staff })).status).toBe(303);
    await waitForStatus(declared.absenceId, 'accepted');
    // The decision's mail is the workflow's step after the status: waited for, not raced.
    const mailsOf = async () => (await database.db.selectFrom('outbox_mails').select('idempotency_key').where('idempotency_key', 'like', `absence-${declared.absenceId}/%`).orderBy('id').execute()).map((mail) => mail.idempotency_key.split('/')[1]);
    for (let i = 0; i < 100 && (await mailsOf()).length < 3; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await mailsOf()).toEqual(['declared', 'received', 'accepted']);
  });

  it('with its certificate at once, refused with the reason the family reads; nothing credited', async () => {
    const declared = await send(`/mon-compte/reservations/${reservations[2]}/absence`, [['jour', String(reservations[2])], ['certificat', png('certificat-2.png')]]);
    expect(declared.status).toBe(303);
    const id = absenceIdOf(declared);
    await waitForStatus(id, 'waiting-staff');
    const before = await balance(database.db, userId);
    expect((await postForm(app(), `/agent/absences/${id}/decision`, { decision: 'refuser', raison: 'Le certificat date d’après ce jour.' }, { Cookie: staff })).status).toBe(303);
    await waitForStatus(id, 'refused');
    expect(await balance(database.db, userId)).toBe(before);
    const page = await (await get(`/mon-compte/absences/${id}`, parent)).text();
    expect(page).toContain('Raison donnée par la mairie : Le certificat date d’après ce jour.');
    expect(await (await get('/mon-compte/absences', parent)).text()).toContain('Refusée');
  });
});
