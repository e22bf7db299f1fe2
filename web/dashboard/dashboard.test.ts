// The staff dashboard: what waits, today's and tomorrow's services with their places (else the
// next service day, named), the four-week chart, every bar labelled with its day and figures and
// filled to scale in Chromium, its figures as text; for the staff's communes only. The days are
// the Wednesday product's, ahead of the tests' clock; the app's clock is set to the day around them.
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { addDays, formatLongDate, formatShortDate, parisInstant, type IsoDate } from '../../domain/dates.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
let current = testNow();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: () => current });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });
/** The dashboard as the agent sees it with the app's clock at 10:00 in Paris that day (signed in then). */
async function dashboardOn(day: IsoDate, email = 'agent@rosieres.fr') {
  current = parisInstant(day, 10);
  const cookie = await login(app(), email);
  return { cookie, html: await (await get('/agent', cookie)).text() };
}

let productId: number;
// Wednesdays of the product with no other service of Rosières between the first and the third.
let DAYS: IsoDate[] = [];

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
  productId = (await demoProduct(database.db)).id;
  const wednesdays = await serviceDaysFrom(database.db, 'Matin', addDays(testToday(), 3), 12);
  const others = (
    await database.db
      .selectFrom('slots')
      .innerJoin('products', 'products.id', 'slots.product_id')
      .innerJoin('communes', 'communes.id', 'products.commune_id')
      .select('slots.service_date')
      .where('communes.slug', '=', 'rosieres')
      .where('products.id', '!=', productId)
      .execute()
  ).map((row) => row.service_date);
  const start = wednesdays.findIndex((day, i) => i + 2 < wednesdays.length && !others.some((other) => other > day && other < wednesdays[i + 2]!));
  DAYS = wednesdays.slice(start, start + 3);
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  await createParent(database.db, 'attente@example.fr', { commune: 'rosieres', status: 'pending' });
  const family = await bookingFamily(database.db, 'demain@example.fr', [{ first: 'Jérémy', birth: '2017-04-12' }, { first: 'Léa', birth: '2018-02-03' }]);
  if (!(await holdPlaces(database.db, family, 'Matin', [DAYS[0]!], testNow())).ok) throw new Error('hold refused');
  if (!(await holdPlaces(database.db, { ...family, dependants: [family.dependants[0]!] }, 'Journée', [DAYS[1]!], testNow())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, testNow());
});

describe('tableau de bord', () => {
  it("is staff's home: what waits, tomorrow's service with its places, and the four weeks' chart with its figures", async () => {
    // The day before a Wednesday: the service is tomorrow.
    const { html } = await dashboardOn(addDays(DAYS[0]!, -1));
    expect(html).toContain('1 compte(s) à valider');
    expect(html).toContain(formatLongDate(DAYS[0]!));
    expect(html).toMatch(new RegExp(`href="/agent/presences/${productId}\\?jour=${DAYS[0]}">Inscription Accueil Périscolaire \\(mercredis\\) – Rosières</a> : 2 / \\d+ places`));
    expect(html).not.toContain('Prochain service');
    expect(html).toContain('<svg');
    expect(html).toContain('role="img"');
    expect(html).toContain('<summary>Les chiffres jour par jour</summary>');
    expect(html).toMatch(new RegExp(`<td>${formatShortDate(DAYS[0]!)}</td><td>2</td><td>\\d+</td>`));
    for (const section of ['/agent/presences', '/agent/cuisine', '/agent/fermetures', '/agent/paiements', '/agent/familles']) expect(html).toContain(`href="${section}"`);
    // The parents' cart and top-up are not staff's.
    expect(html).not.toContain('Recharger vos crédits');
    expect(html).not.toContain('id="cart-link"');
  });

  it('names the next service day, with its services, when today and tomorrow have none; a closed day is not one', async () => {
    // The day after a Wednesday: nothing today nor tomorrow, the next Wednesday is named.
    const { html } = await dashboardOn(addDays(DAYS[0]!, 1));
    expect(html.match(/<p>Aucun service\.<\/p>/g)).toHaveLength(2);
    expect(html).toContain(`Prochain service : ${formatLongDate(DAYS[1]!)}</h3>`);
    expect(html).toMatch(new RegExp(`href="/agent/presences/${productId}\\?jour=${DAYS[1]}">Inscription Accueil Périscolaire \\(mercredis\\) – Rosières</a> : 1 / \\d+ places`));

    await database.db.updateTable('products').set({ closed_days: [DAYS[1]!] }).where('id', '=', productId).execute();
    try {
      expect((await dashboardOn(addDays(DAYS[0]!, 1))).html).toContain(`Prochain service : ${formatLongDate(DAYS[2]!)}</h3>`);
    } finally {
      await database.db.updateTable('products').set({ closed_days: [] }).where('id', '=', productId).execute();
    }
    // Another commune's agent is told of its own services, never of Rosières'.
    expect((await dashboardOn(addDays(DAYS[0]!, 1), 'agent@aiguilhe.fr')).html).not.toContain('Rosières</a>');
  });

  it('draws every bar with its day and figures, filled in proportion, in Chromium', async () => {
    const { cookie, html } = await dashboardOn(addDays(DAYS[0]!, -1));
    const chartDays = [...html.matchAll(/<td>(\d\d-\d\d-\d{4})<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/g)];
    expect(chartDays.length).toBeGreaterThan(1);
    let browser: Browser | undefined;
    try {
      browser = await launchBrowser();
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        const response = await app().request(`${url.pathname}${url.search}`, { headers: { Cookie: cookie } });
        await request.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.goto(`${TEST_ORIGIN}/agent`);
      const chart = page.locator(`#chart-${productId}-title`).locator('xpath=..');
      const bars = await chart.locator('g').evaluateAll((groups) =>
        groups.map((group) => {
          const [offered, booked] = [...group.querySelectorAll('rect')].map((rect) => ({ height: rect.getBoundingClientRect().height, fill: getComputedStyle(rect).fill }));
          const texts = [...group.querySelectorAll('text')].map((text) => ({ text: text.textContent, width: text.getBoundingClientRect().width }));
          return { offered: offered!, booked: booked!, texts };
        }),
      );
      const rows = await page.locator(`#chart-${productId}-title`).evaluate((title) =>
        [...title.closest('figure')!.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)),
      );
      expect(bars).toHaveLength(rows.length);
      for (const [i, bar] of bars.entries()) {
        const [day, booked, offered] = rows[i] as [string, string, string];
        // Its figures above, its weekday and day below, each drawn wide enough to read.
        expect(bar.texts.map((t) => t.text)).toEqual([`${booked}/${offered}`, expect.stringMatching(/^(lun|mar|mer|jeu|ven|sam|dim)\.$/), day.slice(0, 5).replace('-', '/')]);
        for (const text of bar.texts) expect(text.width).toBeGreaterThan(5);
        // The places offered outlined, those booked filled with a colour, to the same scale.
        expect(bar.offered.height).toBeGreaterThan(20);
        expect(bar.booked.fill).not.toMatch(/none|rgba\(0, 0, 0, 0\)/);
        if (Number(booked) === 0) expect(bar.booked.height).toBe(0);
        else expect(bar.booked.height).toBeGreaterThanOrEqual(2);
        if (Number(booked) > 0) expect(Math.abs(bar.booked.height / bar.offered.height - Number(booked) / Number(offered))).toBeLessThan(0.05);
      }
      expect(bars.some((bar) => bar.booked.height > 0)).toBe(true);
      await context.close();
    } finally {
      await browser?.close();
    }
  }, 60_000);
});
