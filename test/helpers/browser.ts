// Chromium driven by playwright-core (no browser download), headless, as root. The global setup
// found it (or installed Debian's package) and hands its path to every test file.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A browser context signed in through the real login form, with its first page. */
export async function signedIn(browser: Browser, baseUrl: string, email: string, password: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/connexion`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Connexion' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
  return { context, page };
}

/** Past the hand-over to the payment provider: it posts itself with JavaScript, by its button without. */
export async function handOverToProvider(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (!javaScriptEnabled) await page.getByRole('button', { name: 'Continuer vers le paiement' }).click();
}

/** From the recap to the confirmation: the home address, the terms, and an accepted Visa card in the sandbox. */
export async function checkoutByCard(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Commander >' }).click();
  await page.getByLabel(/Domicile/).check();
  await page.getByRole('button', { name: 'Commander >' }).click();
  await page.getByLabel(/J'ai lu les conditions générales de vente/).check();
  await page.getByRole('button', { name: 'Commander >' }).click();
  await page.getByRole('button', { name: /Payer par Carte Visa/ }).click();
  await handOverToProvider(page, true);
  await page.getByRole('button', { name: /Carte acceptée/ }).click();
  await page.waitForURL(/\/confirmation/, { timeout: 20_000 });
}
