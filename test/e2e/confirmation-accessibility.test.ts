// axe-core (WCAG 2.1 A and AA) on the pages that ask staff to confirm what cannot be undone (a
// closure, an order's cancellation, an agent disabled): they answer a post, so the route table's
// sweep never opens them. Each is rendered by the app in the reliability suite's world and served
// to Chromium with its stylesheet, colour contrast included.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { postForm, TEST_ORIGIN } from '../helpers/app.ts';
import { useWorld, type Visitor } from '../reliability/world.ts';

const world = useWorld();
const { app, headersOf } = world;
const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  nodes: { target: string[] }[];
}

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
      await page.evaluate(await axeSource);
      const result = await page.evaluate(() =>
        (window as unknown as { axe: { run(options: object): Promise<{ violations: Violation[] }> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
      );
      for (const violation of result.violations) found.push(`${path} (${visitor}) ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);
});
