// A product's calendar in the browser: the days a journey books, whatever month the tests run in.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Checks the first `count` open days, turning to the next month while this one has too few. */
export async function pickDays(page: Page, count: number): Promise<void> {
  while ((await page.locator('input[name=date]:checked, input[type=hidden][name=date]').count()) < count) {
    const open = page.locator('#calendar input[name=date]:not(:checked)');
    if ((await open.count()) === 0) {
      const title = await page.locator('#calendar-title').textContent();
      await page.getByRole('button', { name: 'Mois suivant →' }).click();
      await expect.poll(() => page.locator('#calendar-title').textContent()).not.toBe(title);
      continue;
    }
    await open.first().check();
  }
}
