// A family's account in a real browser: a parent saves a list from the product page, applies it
// to next month, pays with a 50 % voucher, downloads an e-ticket's PDF, cancels one day and gets
// exactly its net price back, then exports their data and finds the child in it.
import { strFromU8, unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { addMonths, monthTitle } from '../../domain/booking-calendar.ts';
import { parisDate } from '../../domain/dates.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily } from '../helpers/booking.ts';
import { checkoutByCard, signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { testNow } from '../helpers/clock.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe("a family's account", () => {
  it('saves a list, applies it, pays with a voucher, prints a ticket, cancels a day for its net price and exports its data', async () => {
    const db = e2e.stack.database.db;
    const email = 'compte-famille@example.fr';
    const family = await bookingFamily(db, email, [{ first: 'Lina', birth: '2017-05-20' }]);
    await addHomeAddress(db, family.user.id);
    await db.insertInto('vouchers').values({ code: 'MOITIE', label: 'Moitié prix', kind: 'percent', value: 50, valid_from: '2026-01-01', valid_until: '2030-12-31' }).execute();
    const month = addMonths(parisDate(testNow()).slice(0, 7), 1);
    const { page, context } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD);

    // A list saved from the product page: Lina, « Matin », the weekday of the day chosen.
    await page.goto(`${e2e.stack.url}/communes/rosieres`);
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Lina Pardon/).check();
    await page.waitForLoadState('networkidle');
    await page.locator('#calendar input[name=date]').first().check();
    await page.getByLabel(/Nom de la liste/).fill('Les mercredis de Lina');
    await page.getByRole('button', { name: 'Enregistrer comme liste' }).click();
    await expect.poll(() => text(page)).toContain('La liste est enregistrée.');

    // Applied to next month: its Wednesdays checked, then paid with the voucher, by card.
    await page.getByLabel('Mois').selectOption({ label: monthTitle(month) });
    await page.getByRole('button', { name: /Appliquer/ }).click();
    await expect.poll(() => text(page)).toContain('La liste « Les mercredis de Lina » a coché ses jours de ce mois');
    const days = await page.locator('#calendar input[name=date]:checked').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(days.length).toBeGreaterThanOrEqual(4);
    expect(days.every((day) => day.startsWith(month))).toBe(true);
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    const total = days.length * 790;
    await expect.poll(() => text(page)).toContain(`Total : ${(total / 100).toFixed(2).replace('.', ',')} €`);
    await page.getByRole('button', { name: 'Commander »' }).click();
    await page.getByLabel('Bons de réduction').fill('MOITIE');
    await page.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => text(page)).toContain('Le bon de réduction « Moitié prix » est appliqué.');
    await checkoutByCard(page);
    await expect.poll(() => text(page), { timeout: 20_000 }).toMatch(/Commande \d{4}-\d{6} confirmée/);

    // The first day's e-ticket, as a PDF.
    await page.goto(`${e2e.stack.url}/mon-compte/e-billets`);
    await page.getByRole('link', { name: /Voir le billet/ }).first().click();
    expect(await text(page)).toContain('QR code du billet');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le billet (PDF)' }).click()]);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

    // One day cancelled: its price less its half of the voucher comes back, 3,95 €.
    await page.goto(`${e2e.stack.url}/mon-compte/reservations`);
    await page.getByRole('button', { name: /Annuler/ }).first().click();
    await expect.poll(() => text(page)).toContain('La réservation est annulée : 3,95 € ont été rendus sur votre porte-monnaie.');
    expect(await balance(db, family.user.id)).toBe(395);
    expect(await ledgerMismatches(db)).toEqual([]);

    // The data exported: Lina is in it.
    await page.goto(`${e2e.stack.url}/mon-compte/donnees`);
    const [archive] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger mes données' }).click()]);
    const files = unzipSync(new Uint8Array(await readFile((await archive.path())!)));
    const data = JSON.parse(strFromU8(files['donnees.json']!)) as { tables: { dependants: { first_name: string }[]; reservations: unknown[] } };
    expect(data.tables.dependants.map((child) => child.first_name)).toEqual(['Lina']);
    expect(data.tables.reservations).toHaveLength(days.length);
    await context.close();
  }, 180_000);
});
