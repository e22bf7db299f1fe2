// Debian's Chromium driven by playwright-core (no browser download), headless, as root.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
