// axe-core (WCAG 2.1 A and AA) on every page of the app's route table, in the reliability suite's
// world, as the visitor its access declaration names sees it (a parent on a phone's width, staff
// at a desk's), in Chromium; and no page of a family or a visitor wider than the phone's screen.
// The pages come from the app in this process: the browser's requests are answered by it, with the
// visitor's session, stylesheet and scripts included, so colour contrast is checked too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { TEST_ORIGIN } from '../helpers/app.ts';
import { declaredRoutes } from '../reliability/route-table.ts';
import { allowedVisitor, useWorld, visitors } from '../reliability/world.ts';
import { axeViolations } from '../helpers/axe.ts';

const world = useWorld();
const { app, pathOf, headersOf } = world;
let browser: Browser | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of every page (axe-core, WCAG 2.1 A and AA)', () => {
  it('finds nothing on any page of the route table, for the visitor its declaration names', async () => {
    const found: string[] = [];
    const checked: string[] = [];
    for (const visitor of visitors) {
      const routes = declaredRoutes(app()).filter((route) => route.method === 'GET' && allowedVisitor(route.access) === visitor);
      if (routes.length === 0) continue;
      const staff = visitor === 'staff' || visitor === 'admin';
      const context = await browser!.newContext({ bypassCSP: true, viewport: staff ? { width: 1280, height: 900 } : { width: 390, height: 844 } });
      await context.route(`${TEST_ORIGIN}/**`, async (request) => {
        const url = new URL(request.request().url());
        const response = await app().request(`${url.pathname}${url.search}`, { headers: headersOf(visitor) });
        await request.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
      });
      const page = await context.newPage();
      for (const route of routes) {
        const path = pathOf(route);
        // Files and exports are not pages: asked first, only an HTML page is opened.
        const head = await app().request(path, { headers: headersOf(visitor) });
        if (head.status !== 200 || !(head.headers.get('content-type') ?? '').startsWith('text/html')) continue;
        await page.goto(`${TEST_ORIGIN}${path}`);
        // Reflow (WCAG 1.4.10): a family's page fits a phone's width, with nothing to scroll sideways.
        if (!staff) {
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
          if (scrollWidth > innerWidth) found.push(`${path} (${visitor}) is ${scrollWidth} px wide on a ${innerWidth} px screen`);
        }
        for (const violation of await axeViolations(page)) found.push(`${path} (${visitor}) ${violation}`);
        checked.push(path);
      }
      await context.close();
    }
    expect(found).toEqual([]);
    expect(checked.length).toBeGreaterThan(40);
  }, 240_000);
});
