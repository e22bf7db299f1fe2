// Présences et pointage: the day's list with what staff need, the CSV, check-in by ticking and by
// e-ticket code with every refusal's reason, each presence on its own day (a day ahead refused, a
// day gone confirmed), « Tous présents » with its exceptions, the paper list, and nothing of
// another commune. The service days are the product's, ahead of the tests' clock; the app's
// clock is set to each of them in turn.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, formatLongDate, parisInstant, type IsoDate } from '../../domain/dates.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
let current = testNow();
let staff: string;
let outsider: string;
/** The app's clock at 10:00 in Paris on that day, staff signed in then (a session lives on the app's clock). */
async function on(day: IsoDate) {
  current = parisInstant(day, 10);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@aiguilhe.fr');
}
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => current });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
/** A form post whose fields may repeat (checkboxes). */
const post = (path: string, fields: [string, string][], cookie: string) =>
  app().request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN, Cookie: cookie }, body: new URLSearchParams(fields).toString() });
const follow = async (response: Response, cookie: string) => (await get(response.headers.get('location')!, cookie)).text();

/** A family of Rosières with its children booked and paid on the given days; their reservations and e-tickets by child and day. */
async function bookedFamily(email: string, days: IsoDate[], children = [{ first: 'Jérémy', birth: '2017-04-12' }]) {
  const family = await bookingFamily(database.db, email, children);
  await database.db
    .insertInto('child_health_records')
    .values({ dependant_id: family.dependants[0]!.id, version: 1, allergies: 'Arachide', has_pai: true, notes: 'Récupéré par sa grand-mère.', recorded_by: family.user.id, recorded_at: testNow() })
    .execute();
  await database.db.updateTable('users').set({ phone: '06 12 34 56 78' }).where('id', '=', family.user.id).execute();
  if (!(await holdPlaces(database.db, family, 'Matin', days, testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, testNow());
  const tickets = await database.db
    .selectFrom('e_tickets')
    .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .select(['e_tickets.code', 'reservations.service_date', 'reservations.id', 'dependants.first_name'])
    .where('reservations.user_id', '=', family.user.id)
    .execute();
  const ticket = (day: IsoDate, first = children[0]!.first) => tickets.find((t) => t.service_date === day && t.first_name === first)!;
  return { family, ticket };
}

const attendanceOf = (reservationId: number) => database.db.selectFrom('attendance').selectAll().where('reservation_id', '=', reservationId).executeTakeFirst();

let productId: number;
// Service days of the product ahead of the tests' clock, one after the other.
let DAYS: IsoDate[] = [];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  DAYS = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 7);
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
});

describe('présences', () => {
  it("lists the day's children with their health flag (never the fiche's words), guardian and phone, and the counts against the places", async () => {
    await bookedFamily('liste@example.fr', [DAYS[1]!]);
    await on(DAYS[1]!);
    const index = await (await get('/agent/presences', staff)).text();
    expect(index).toContain(`/agent/presences/${productId}`);
    const html = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(html).toContain(`${formatLongDate(DAYS[1]!)} (aujourd&#39;hui)`);
    expect(html).toContain('Pardon Jérémy');
    expect(html).toContain(`<a href="/agent/enfants/reservations/`);
    expect(html).toContain('Allergie / PAI / régime : voir la fiche sanitaire');
    expect(html).not.toMatch(/Arachide|grand-mère/);
    // The print and another day's list say nothing of the fiche either.
    expect(await (await get(`/agent/presences/${productId}/impression?jour=${DAYS[1]}`, staff)).text()).not.toMatch(/Arachide|grand-mère/);
    await on(DAYS[0]!);
    const before = await (await get(`/agent/presences/${productId}?jour=${DAYS[1]}`, staff)).text();
    expect(before).toContain('Pardon Jérémy');
    expect(before).not.toMatch(/Arachide|grand-mère|Allergie \/ PAI/);
    expect(html).toContain('06 12 34 56 78');
    expect(html).toMatch(/<td>Matin<\/td>\s*<td>1<\/td>\s*<td>\d+<\/td>/);
    expect(html).toContain('Non pointé');
  });

  it('opens on today\'s service day, else the next one even without bookings, and links the previous and next service days', async () => {
    // The day before the first service day: the list opens on it, not on a later day with bookings.
    await on(addDays(DAYS[0]!, -1));
    const before = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(before).toContain(`<p class="lead">${formatLongDate(DAYS[0]!)}</p>`);
    expect(before).toContain(`href="/agent/presences/${productId}?jour=${DAYS[1]}" rel="next">Service suivant : ${formatLongDate(DAYS[1]!)} →</a>`);

    await on(DAYS[1]!);
    const today = await (await get(`/agent/presences/${productId}`, staff)).text();
    expect(today).toContain(`${formatLongDate(DAYS[1]!)} (aujourd&#39;hui)`);
    expect(today).toContain(`href="/agent/presences/${productId}?jour=${DAYS[0]}" rel="prev">← Service précédent : ${formatLongDate(DAYS[0]!)}</a>`);
    expect(today).toContain(`href="/agent/presences/${productId}?jour=${DAYS[2]}" rel="next">Service suivant : ${formatLongDate(DAYS[2]!)} →</a>`);

    // A day without service says so, with the service days around it.
    const between = await (await get(`/agent/presences/${productId}?jour=${addDays(DAYS[1]!, 1)}`, staff)).text();
    expect(between).toContain(`Pas de service le ${formatLongDate(addDays(DAYS[1]!, 1))}.`);
    expect(between).toContain(`?jour=${DAYS[1]}" rel="prev"`);
    expect(between).toContain(`?jour=${DAYS[2]}" rel="next"`);
  });

  it('exports the list as CSV for a spreadsheet: BOM, ";", one line per child', async () => {
    const response = await get(`/agent/presences/${productId}/export.csv?jour=${DAYS[1]}`, staff);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="presences-${productId}-${DAYS[1]}.csv"`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.split('\r\n');
    expect(lines[0]).toBe("\uFEFFNom;Prénom;Âge;Prestation;Responsable;Téléphone;E-mail;Pointage;Motif d'absence");
    expect(lines[1]).toMatch(/^Pardon;Jérémy;\d+;Matin;liste Test;06 12 34 56 78;liste@example.fr;;$/);
    expect(text).not.toMatch(/Arachide|grand-mère|PAI/);
  });

  it('checks a ticket in on its day only, naming the child: a day ahead refused, a day gone once confirmed, and every other refusal said', async () => {
    const { ticket } = await bookedFamily('billet@example.fr', [DAYS[3]!, DAYS[4]!, DAYS[5]!]);
    const scan = (code: string, day: IsoDate, more: [string, string][] = []) => post(`/agent/presences/${productId}/code`, [['jour', day], ['code', code], ...more], staff);
    await on(DAYS[3]!);
    const first = await scan(` ${ticket(DAYS[3]!).code.toLowerCase()} `, DAYS[3]!);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/agent/presences/${productId}?ok=code&jour=${DAYS[3]}&enfants=${ticket(DAYS[3]!).id}`);
    expect(await follow(first, staff)).toContain('Billet de Jérémy Pardon pointé : présence enregistrée.');
    expect(await attendanceOf(ticket(DAYS[3]!).id)).toMatchObject({ status: 'present', method: 'code' });

    const again = await scan(ticket(DAYS[3]!).code, DAYS[3]!);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('La présence de Jérémy Pardon est déjà enregistrée.');
    // A ticket of a day ahead, on today's list or on its own day's list opened early: refused, naming its day.
    for (const shown of [DAYS[3]!, DAYS[4]!]) {
      const early = await scan(ticket(DAYS[4]!).code, shown);
      expect(early.status).toBe(400);
      expect(await early.text()).toContain(`Ce billet est pour le ${formatLongDate(DAYS[4]!)} : il ne peut pas être pointé avant ce jour-là.`);
    }
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toBeUndefined();
    expect(await (await scan('ZZZZZZZZZZ', DAYS[3]!)).text()).toContain('Aucun billet ne porte ce code.');
    expect(await (await scan('<script>', DAYS[3]!)).text()).toContain("Ce code n&#39;a pas la forme d&#39;un code de billet");

    // The day after, yesterday's ticket: on today's list it is another day's; on its own list, confirmed first.
    await on(DAYS[5]!);
    expect(await (await scan(ticket(DAYS[4]!).code, DAYS[5]!)).text()).toContain(`Ce billet est pour le ${formatLongDate(DAYS[4]!)}, pas pour le ${formatLongDate(DAYS[5]!)} affiché.`);
    const late = await scan(ticket(DAYS[4]!).code, DAYS[4]!);
    expect(late.status).toBe(400);
    const asked = await late.text();
    expect(asked).toContain(`Le ${formatLongDate(DAYS[4]!)} est passé : noter quand même la présence de Jérémy Pardon ce jour-là ?`);
    expect(asked).toContain('Pointer quand même</button>');
    expect(asked).toContain('<input type="hidden" name="confirme" value="oui"/>');
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toBeUndefined();
    const confirmed = await scan(ticket(DAYS[4]!).code, DAYS[4]!, [['confirme', 'oui']]);
    expect(confirmed.status).toBe(303);
    expect(await follow(confirmed, staff)).toContain('Billet de Jérémy Pardon pointé : présence enregistrée.');
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toMatchObject({ status: 'present', method: 'code' });

    await database.db.updateTable('reservations').set({ state: 'cancelled' }).where('id', '=', ticket(DAYS[5]!).id).execute();
    expect(await (await scan(ticket(DAYS[5]!).code, DAYS[5]!)).text()).toContain('Ce billet est annulé');
  });

  it('ticks present on the day, naming the child; refuses a day ahead, asks before a day gone; notes an absence with its reason and audits it', async () => {
    const { family, ticket } = await bookedFamily('absent@example.fr', [DAYS[3]!, DAYS[4]!], [{ first: 'Léa', birth: '2018-02-03' }]);
    const tick = (reservation: number, statut: string, jour: IsoDate, more: [string, string][] = []) =>
      post(`/agent/presences/${productId}/pointage`, [['reservation', String(reservation)], ['statut', statut], ['jour', jour], ...more], staff);
    await on(DAYS[3]!);
    const present = await tick(ticket(DAYS[3]!).id, 'present', DAYS[3]!);
    expect(present.status).toBe(303);
    expect(await follow(present, staff)).toContain('Présence de Léa Pardon enregistrée.');

    const ahead = await tick(ticket(DAYS[4]!).id, 'present', DAYS[4]!);
    expect(ahead.status).toBe(400);
    expect(await ahead.text()).toContain(`Le ${formatLongDate(DAYS[4]!)} n&#39;est pas encore arrivé : la présence de Léa Pardon ne peut pas être notée avant ce jour-là.`);
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toBeUndefined();
    // An absence announced ahead may be noted.
    const absent = await tick(ticket(DAYS[4]!).id, 'absent', DAYS[4]!, [['motif', 'Malade']]);
    expect(absent.status).toBe(303);
    expect(await follow(absent, staff)).toContain('Absence de Léa Pardon enregistrée.');
    expect(await (await get(`/agent/presences/${productId}?jour=${DAYS[4]}`, staff)).text()).toContain('Absent : Malade');
    const audit = await database.db.selectFrom('audit_log').selectAll().where('action', '=', 'attendance.marked').where('subject_id', '=', ticket(DAYS[4]!).id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: null, after: { status: 'absent', reason: 'Malade', method: 'list' } });
    expect(await (await get(`/agent/familles/${family.user.id}`, staff)).text()).toContain('Léa, Inscription Accueil Périscolaire (mercredis) : absent (Malade)');

    // The day after: she came after all, written in once confirmed.
    await on(DAYS[5]!);
    const late = await tick(ticket(DAYS[4]!).id, 'present', DAYS[4]!);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('Pointer quand même</button>');
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toMatchObject({ status: 'absent' });
    const confirmed = await tick(ticket(DAYS[4]!).id, 'present', DAYS[4]!, [['confirme', 'oui']]);
    expect(confirmed.status).toBe(303);
    expect(await attendanceOf(ticket(DAYS[4]!).id)).toMatchObject({ status: 'present', method: 'list' });

    const wrong = await tick(999999, 'present', DAYS[4]!);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Cet enfant n&#39;est pas réservé pour cette activité");
  });

  it('« Tous présents » notes the children ticked in one post, leaving those unticked or already absent as they are', async () => {
    const children = [{ first: 'Anna', birth: '2017-01-10' }, { first: 'Noé', birth: '2018-05-20' }, { first: 'Zoé', birth: '2019-09-30' }];
    const { ticket } = await bookedFamily('fratrie@example.fr', [DAYS[2]!], children);
    const [anna, noe, zoe] = children.map((child) => ticket(DAYS[2]!, child.first).id) as [number, number, number];
    const all = (ids: number[], jour = DAYS[2]!, more: [string, string][] = []) =>
      post(`/agent/presences/${productId}/tous-presents`, [['jour', jour], ...ids.map((id): [string, string] => ['enfant', String(id)]), ...more], staff);

    await on(DAYS[1]!);
    const ahead = await all([anna, noe, zoe]);
    expect(ahead.status).toBe(400);
    expect(await ahead.text()).toContain(`Le ${formatLongDate(DAYS[2]!)} n&#39;est pas encore arrivé`);

    await on(DAYS[2]!);
    await post(`/agent/presences/${productId}/pointage`, [['reservation', String(noe)], ['statut', 'absent'], ['motif', 'Chez le dentiste'], ['jour', DAYS[2]!]], staff);
    const page = await (await get(`/agent/presences/${productId}`, staff)).text();
    // Anna and Zoé ticked, Noé (noted absent) not offered; one form, its checkboxes in the rows.
    expect(page).toContain(`<form method="post" action="/agent/presences/${productId}/tous-presents" id="tous-presents"`);
    expect(page).toMatch(new RegExp(`name="enfant" value="${anna}" form="tous-presents" checked=""`));
    expect(page).toMatch(new RegExp(`name="enfant" value="${zoe}" form="tous-presents" checked=""`));
    expect(page).not.toContain(`name="enfant" value="${noe}"`);

    expect(await (await all([])).text()).toContain('Cochez au moins un enfant à noter présent.');
    // Zoé unticked: she stays as she was; Noé sent anyway: he stays absent.
    const done = await all([anna, noe]);
    expect(done.status).toBe(303);
    expect(await follow(done, staff)).toContain("Présence d&#39;Anna Pardon enregistrée.");
    expect(await attendanceOf(anna)).toMatchObject({ status: 'present', method: 'list' });
    expect(await attendanceOf(noe)).toMatchObject({ status: 'absent', reason: 'Chez le dentiste' });
    expect(await attendanceOf(zoe)).toBeUndefined();

    // The day after, Zoé written in once confirmed; a child of another day is not this day's.
    await on(DAYS[3]!);
    const late = await all([zoe]);
    expect(late.status).toBe(400);
    expect(await late.text()).toContain(`Le ${formatLongDate(DAYS[2]!)} est passé : noter quand même la présence des enfants cochés ce jour-là ?`);
    expect(await attendanceOf(zoe)).toBeUndefined();
    const confirmed = await all([zoe], DAYS[2]!, [['confirme', 'oui']]);
    expect(await follow(confirmed, staff)).toContain('Présence de Zoé Pardon enregistrée.');
    expect(await attendanceOf(zoe)).toMatchObject({ status: 'present' });
    expect(await (await all([zoe], DAYS[3]!)).text()).toContain('Aucun des enfants cochés n&#39;est attendu ce jour-là.');
  });

  it('prints the day as a liste d\'appel with the arrival, departure and signature to fill in', async () => {
    const html = await (await get(`/agent/presences/${productId}/impression?jour=${DAYS[2]}`, staff)).text();
    expect(html).toContain(`Liste d&#39;appel – Inscription Accueil Périscolaire (mercredis) – Rosières`);
    expect(html).toContain(formatLongDate(DAYS[2]!));
    expect(html).toMatch(/<th scope="col">Santé<\/th><th scope="col">Arrivée<\/th><th scope="col">Départ<\/th><th scope="col">Signature<\/th>/);
    expect(html).toContain('Pardon Anna');
    expect(html).toContain('(Absent)');
    expect(html.match(/<td class="to-fill"><\/td>/g)).toHaveLength(3 * 3);
    expect(await (await get(`/agent/presences/${productId}?jour=${DAYS[2]}`, staff)).text()).toContain(`href="/agent/presences/${productId}/impression?jour=${DAYS[2]}"`);
  });

  it('fits the liste d\'appel on the width of an A4 sheet when printed, in Chromium', async () => {
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      // A4 less its 10 mm margins, at the printer's 96 dots per inch.
      const sheet = Math.floor(((210 - 20) / 25.4) * 96);
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: sheet, height: 1000 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        const response = await app().request(`${url.pathname}${url.search}`, { headers: { Cookie: staff } });
        await request.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${TEST_ORIGIN}/agent/presences/${productId}/impression?jour=${DAYS[2]}`);
      const layout = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        table: document.querySelector('table.attendance--print')!.getBoundingClientRect().right,
        header: getComputedStyle(document.querySelector('.site-header')!).display,
        columns: [...document.querySelectorAll('table.attendance--print thead th')].map((th) => th.getBoundingClientRect().width),
        headings: [...document.querySelectorAll('table.attendance--print thead th')].map((th) => {
          const range = document.createRange();
          range.selectNodeContents(th);
          return range.getClientRects().length;
        }),
      }));
      expect(layout.page).toBeLessThanOrEqual(sheet);
      expect(layout.table).toBeLessThanOrEqual(sheet);
      expect(layout.header).toBe('none');
      // Room to write a time and to sign, each heading on one line.
      expect(layout.columns.slice(5).every((width) => width >= 60)).toBe(true);
      expect(layout.headings.every((height) => height === layout.headings[0])).toBe(true);
      expect(await page.pdf({ format: 'A4' })).toBeTruthy();
      await context.close();
    } finally {
      await browser?.close();
    }
  }, 60_000);

  it("shows, prints, exports and changes nothing of another commune's product", async () => {
    const { ticket } = await bookedFamily('ailleurs@example.fr', [DAYS[6]!]);
    await on(DAYS[6]!);
    const reservation = ticket(DAYS[6]!).id;
    expect(await (await get('/agent/presences', outsider)).text()).not.toContain(`/agent/presences/${productId}"`);
    expect((await get(`/agent/presences/${productId}`, outsider)).status).toBe(403);
    expect((await get(`/agent/presences/${productId}/impression?jour=${DAYS[6]}`, outsider)).status).toBe(403);
    expect((await get(`/agent/presences/${productId}/export.csv?jour=${DAYS[6]}`, outsider)).status).toBe(403);
    expect((await postForm(app(), `/agent/presences/${productId}/code`, { jour: DAYS[6]!, code: ticket(DAYS[6]!).code }, { Cookie: outsider })).status).toBe(403);
    expect((await postForm(app(), `/agent/presences/${productId}/pointage`, { reservation: String(reservation), statut: 'present', jour: DAYS[6]! }, { Cookie: outsider })).status).toBe(403);
    expect((await post(`/agent/presences/${productId}/tous-presents`, [['jour', DAYS[6]!], ['enfant', String(reservation)]], outsider)).status).toBe(403);
    // Their own product's address with this child: not theirs to note.
    const theirs = await database.db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select('products.id').where('communes.slug', '=', 'aiguilhe').executeTakeFirstOrThrow();
    expect((await post(`/agent/presences/${theirs.id}/tous-presents`, [['jour', DAYS[6]!], ['enfant', String(reservation)]], outsider)).status).toBe(400);
    expect(await attendanceOf(reservation)).toBeUndefined();
  });
});
