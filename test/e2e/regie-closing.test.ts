// The régisseur closes a day in Chromium, by the keyboard: the counts typed,
// a difference refused without its note, the confirmation, the day locked; axe-core (WCAG 2.1 A
// and AA) finds nothing on each of these pages, nor on the month's statement.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { addDays, parisInstant } from '../../domain/dates.ts';
import { createParent, createStaff, login } from '../helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../helpers/app.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { testNow, testToday } from '../helpers/clock.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { useTemporal } from '../helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const day = addDays(testToday(), -1);
let browser: Browser | undefined;
let regieId: number;
let cookie: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const db = database.db;
  const staff = await createStaff(db, 'regisseuse@rosieres.fr', ['rosieres']);
  const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
  const regie = await db.insertInto('regies').values({ name: 'Régie du navigateur', methods: ['card', 'wallet', 'cash', 'cheque'] }).returning('id').executeTakeFirstOrThrow();
  regieId = regie.id;
  await db.insertInto('regie_communes').values({ regie_id: regieId, commune_id: rosieres.id }).execute();
  await db.insertInto('regie_members').values({ regie_id: regieId, user_id: staff.id, role: 'regisseur' }).execute();
  const parent = await createParent(db, 'famille-navigateur@example.fr', { status: 'validated', commune: 'rosieres' });
  await moveMoney(db, { userId: parent.id, amountCents: 2000, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: 'nav-cash', at: parisInstant(day, 10), journal: { to: 'family', kind: 'top-up', method: 'cash', regieId } });
  await moveMoney(db, { userId: parent.id, amountCents: 1250, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: 'nav-cheque', at: parisInstant(day, 11), journal: { to: 'family', kind: 'top-up', method: 'cheque', regieId, documentNumber: '9876543' } });
  cookie = await login(app(), 'regisseuse@rosieres.fr');
});
afterAll(async () => {
  await browser?.close();
});

/** A desk's browser whose requests the app in this process answers, with the régisseuse's session. */
async function deskPage(): Promise<Page> {
  const context = await browser!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  await context.route(`${TEST_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const body = request.postData();
    const response = await app().request(`${url.pathname}${url.search}`, {
      method: request.method(),
      headers: { ...(await request.allHeaders()), Cookie: cookie },
      ...(body === null ? {} : { body }),
    });
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });
  return context.newPage();
}

describe('the daily closing in a browser', () => {
  it('is typed and confirmed by the keyboard, each page without an accessibility fault', async () => {
    const page = await deskPage();
    const found: string[] = [];
    const check = async (what: string) => {
      for (const violation of await axeViolations(page)) found.push(`${what}: ${violation}`);
    };
    await page.goto(`${TEST_ORIGIN}/agent/regies/${regieId}/cloture`);
    await check('closing page');
    await page.getByLabel('Compté en espèces (en euros)').fill('19,80');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12,50');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('manque de 0,20');
    await check('closing page with its errors');
    await page.getByLabel('Note de clôture (obligatoire en cas d’écart)').fill('Vingt centimes rendus en trop.');
    await page.getByRole('button', { name: 'Vérifier et clôturer la journée' }).press('Enter');
    await page.waitForSelector('text=Écarts constatés');
    await check('confirmation');
    await page.getByRole('button', { name: 'Confirmer' }).press('Enter');
    await page.waitForSelector('text=La journée est clôturée');
    await check('closed');
    await page.goto(`${TEST_ORIGIN}/agent/regies/${regieId}/releves?mois=${day.slice(0, 7)}`);
    await check('statement');
    expect(found).toEqual([]);
    const closing = await database.db.selectFrom('regie_closings').select(['day', 'note']).where('regie_id', '=', regieId).executeTakeFirstOrThrow();
    expect(closing).toEqual({ day, note: 'Vingt centimes rendus en trop.' });
  }, 60_000);
});
