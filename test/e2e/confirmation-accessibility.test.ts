// axe-core (WCAG 2.1 A and AA) on the pages that ask staff to confirm what cannot be undone (a
// closure, an order's cancellation, an agent disabled): they answer a post, so the route table's
// sweep never opens them. Each is rendered by the app in the reliability suite's world and served
// to Chromium with its stylesheet, colour contrast included.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { postForm, TEST_ORIGIN } from '../helpers/app.ts';
import { useWorld, type Visitor } from '../reliability/world.ts';
import { axeViolations } from '../helpers/axe.ts';

const world = useWorld();
const { app, headersOf } = world;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of the confirmation pages (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds nothing on a closure, a whole order cancelled and an agent disabled', async () => {
    const { objects } = world.world;
    const confirmations: [string, Visitor, Record<string, string>][] = [
      ['/agent/fermetures', 'staff', { produit: String(objects['commune-product']), du: '2026-12-02', au: '2027-01-06', motif: 'Grève', precision: 'préavis national' }],
      [`/agent/commandes/${objects['commune-order']}/annuler`, 'staff', { tout: '1', motif: 'Travaux', rembourser: 'porte-monnaie' }],
      [`/agent/agents/${objects['staff-account']}/desactiver`, 'admin', {}],
    ];
    const found: string[] = [];
    for (const [path, visitor, fields] of confirmations) {
      const response = await postForm(app(), path, fields, headersOf(visitor));
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain('name="confirmation" value="oui"');
      const context = await browser!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        if (url.pathname === '/confirmation-a-verifier') return request.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        const asset = await app().request(`${url.pathname}${url.search}`, { headers: headersOf(visitor) });
        return request.fulfill({ status: asset.status, headers: Object.fromEntries(asset.headers), body: Buffer.from(await asset.arrayBuffer()) });
      });
      const page = await context.newPage();
      await page.goto(`${TEST_ORIGIN}/confirmation-a-verifier`);
      for (const violation of await axeViolations(page)) found.push(`${path} (${visitor}) ${violation}`);
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
