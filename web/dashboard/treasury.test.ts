// The dashboard's treasury chart: the money the staff's régies received per week and method,
// drawn and given as a table; another commune's régie is not counted, nor the wallet's use.
import { describe, expect, it } from 'vitest';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, TEST_ORIGIN } from '../../test/helpers/app.ts';
import { axeViolations } from '../../test/helpers/axe.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });

describe('treasury chart', () => {
  it("shows this week's receipts of the staff's régies by method, as bars and as a table", async () => {
    const family = await createParent(database.db, 'tresor@example.fr', { commune: 'rosieres', status: 'validated' });
    const elsewhere = await createParent(database.db, 'tresor@bains.fr', { commune: 'bains', status: 'validated' });
    await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
    const cookie = await login(app(), 'agent@rosieres.fr');
    expect(await (await app().request('/agent', { headers: { Cookie: cookie } })).text()).toContain('Aucune recette ces dix dernières semaines.');

    await moveMoney(database.db, { userId: family.id, amountCents: 1234, kind: 'topup', label: 'Espèces', idempotencyKey: 'tresor-cash', at: testNow(), journal: { to: 'family', kind: 'top-up', method: 'cash' } });
    await moveMoney(database.db, { userId: family.id, amountCents: 2000, kind: 'topup', label: 'Carte', idempotencyKey: 'tresor-card', at: testNow() });
    await moveMoney(database.db, { userId: elsewhere.id, amountCents: 99_900, kind: 'topup', label: 'Carte', idempotencyKey: 'tresor-bains', at: testNow() });
    const html = await (await app().request('/agent', { headers: { Cookie: cookie } })).text();
    expect(html).toContain('Recettes de vos régies par semaine et par moyen de paiement');
    expect(html).toContain('<th scope="col">Espèces</th>');
    expect(html).toContain('12,34\u00a0€');
    expect(html).toContain('32,34\u00a0€');
    expect(html).not.toContain('999,00');
    expect(html).toContain('href="/agent/regies"');

    // In Chromium, with the site's stylesheet: nothing for axe-core to find in the chart, its legend and its table.
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        const response = await app().request(`${url.pathname}${url.search}`, { headers: { Cookie: cookie } });
        await request.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.goto(`${TEST_ORIGIN}/agent`);
      await page.locator('summary', { hasText: 'Les chiffres semaine par semaine' }).click();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
