// The home page in a real browser, with and without JavaScript.
import { describe, expect, it } from 'vitest';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();


describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript' },
  { javaScriptEnabled: false, label: 'without JavaScript' },
])('home page $label', ({ javaScriptEnabled }) => {
  it('shows the banner, the three tiles and the categories, and breaks no CSP rule', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(e2e.stack.url);
    expect(response?.status()).toBe(200);

    await expect(page.title()).resolves.toBe('Accueil – Plateforme Citoyens');
    const heading = page.getByRole('heading', { level: 1 });
    expect(await heading.textContent()).toBe("Bienvenue sur la plateforme citoyen de la Communauté d'Agglomération du Puy-en-Velay");
    const tiles = page.locator('.tiles a');
    expect((await tiles.allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'Créer ou accéder à MON COMPTE USAGER',
      'Gérer MES SERVICES ASSOCIÉS',
      'Gérer MES RÉSERVATIONS',
    ]);
    // On a phone the services are folded under « Menu ».
    await page.locator('summary', { hasText: 'Menu' }).click();
    const services = page.getByRole('navigation', { name: 'Services' });
    expect(await services.getByRole('link').allInnerTexts()).toEqual([
      'Accueil', 'Cantines', 'Garderies', 'Ramassage scolaire', 'Centres de Loisirs', 'Vélo en Velay', "Pass'Card", 'Sports', 'Démarches en ligne', 'Recharger vos crédits',
    ]);
    expect(await page.getByRole('link', { name: 'Panier : (vide)' }).isVisible()).toBe(true);
    if (javaScriptEnabled) {
      expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe('object');
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard use', () => {
  it('reaches the content first through the skip link', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(e2e.stack.url);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Aller au contenu');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await page.close();
  });
});

describe('/health through the real server', () => {
  it('is 200 with the database and Temporal up', async () => {
    const response = await fetch(`${e2e.stack.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ database: 'ok', temporal: 'ok' });
  });
});
