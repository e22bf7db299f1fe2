// axe-core (WCAG 2.1 A and AA) on the pages each kind of user reaches first, in Chromium at a
// phone's width for families and a desk's for staff: the visitor's home, menu and product pages,
// the parent's account, bookings, cart and product calendar, and the agent's dashboard, catalogue
// and product page. Every page must come back clean, colour contrast included.
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../db/demo/data.ts';
import { useE2E } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';

const e2e = useE2E();

/** The WCAG 2.1 A/AA violations of each page, as `rule: elements`. */
async function violations(context: BrowserContext, base: string, paths: string[]): Promise<string[]> {
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    for (const violation of await axeViolations(page)) found.push(`${path} ${violation}`);
  }
  await page.close();
  return found;
}

async function signIn(context: BrowserContext, email: string): Promise<void> {
  const password = demoAccounts.find((account) => account.email === email)!.password;
  const page = await context.newPage();
  await page.goto(`${e2e.stack.url}/connexion`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Connexion' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  await page.close();
}

async function productIds(): Promise<number[]> {
  return (await e2e.stack.database.db.selectFrom('products').select('id').orderBy('id').limit(3).execute()).map((row) => row.id);
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds nothing on the pages of a visitor and of a parent, on a phone', async () => {
    const products = await productIds();
    const context = await e2e.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    try {
      const visitor = await violations(context, e2e.stack.url, ['/', '/categories/centres-de-loisirs', '/connexion', ...products.map((id) => `/produits/${id}`)]);
      await signIn(context, 'parent@citoyens.localhost');
      const parent = await violations(context, e2e.stack.url, ['/mon-compte', '/mon-compte/reservations', '/panier', ...products.map((id) => `/produits/${id}`)]);
      expect([...visitor, ...parent]).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it("finds nothing on an agent's pages, at a desk", async () => {
    const products = await productIds();
    const context = await e2e.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    try {
      await signIn(context, 'agent.rosieres@citoyens.localhost');
      expect(await violations(context, e2e.stack.url, ['/agent', '/agent/catalogue', `/agent/catalogue/${products[0]}`, '/agent/familles'])).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
