// A commune runs a service from the back office, in a real browser against the real product:
// staff create a product with its prestation and next month's days and publish it; a parent books
// a child for two days and pays by card; staff find the child in Présences, where the e-ticket's
// code is refused before its day; staff close the second day: the family's wallet gets that day back once and
// the mail arrives.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balance, ledgerMismatches, walletHistory } from '../../db/queries/wallet/wallet.ts';
import { addMonths } from '../../domain/booking-calendar.ts';
import { addDays, formatLongDate, parisDate } from '../../domain/dates.ts';
import { createStaff, PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily } from '../helpers/booking.ts';
import { checkoutByCard, signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { testNow } from '../helpers/clock.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('a commune runs its service', () => {
  it('creates, publishes, is booked and paid, refuses an e-ticket before its day, closes a day and refunds it once', async () => {
    const db = e2e.stack.database.db;
    await createStaff(db, 'agent-e2e@rosieres.fr', ['rosieres']);
    const month = addMonths(parisDate(testNow()).slice(0, 7), 1);
    const lastDay = addDays(`${addMonths(month, 1)}-01`, -1);

    // Staff create the product with one prestation, its days generated from the rules.
    const staff = await signedIn(e2e.browser, e2e.stack.url, 'agent-e2e@rosieres.fr', PASSWORD);
    const desk = staff.page;
    await desk.goto(`${e2e.stack.url}/agent/catalogue`);
    await desk.getByLabel("Inscription qui ouvre l'activité").selectOption({ label: 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT – Rosières' });
    await desk.getByLabel('Catégorie').selectOption({ label: 'Sports' });
    await desk.locator('#nom').fill('Stage de judo');
    await desk.getByLabel('mercredi').uncheck();
    await desk.getByLabel('samedi').check();
    await desk.getByLabel('Début de saison').fill(`${month}-01`);
    await desk.getByLabel('Fin de saison').fill(lastDay);
    await desk.getByLabel('Places par prestation et par jour').fill('8');
    await desk.getByLabel('Prestation 1').fill('Séance');
    await desk.getByLabel('Prix 1 (€)').fill('5,00');
    await desk.getByRole('button', { name: "Créer l'activité" }).click();
    await expect.poll(() => text(desk)).toContain("L'activité est créée avec ses jours");
    await desk.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => text(desk)).toContain("L'activité est publiée.");
    const product = await db.selectFrom('products').select('id').where('name', '=', 'Stage de judo').executeTakeFirstOrThrow();
    const saturdays = (await db.selectFrom('slots').select('service_date').where('product_id', '=', product.id).orderBy('service_date').execute()).map((s) => s.service_date);
    expect(saturdays.length).toBeGreaterThanOrEqual(4);
    expect(saturdays.every((day) => day.startsWith(month))).toBe(true);

    // A parent books the first two Saturdays for a child and pays 10,00 € by card.
    const email = 'judo@example.fr';
    const family = await bookingFamily(db, email, [{ first: 'Lina', birth: '2016-05-20' }]);
    await addHomeAddress(db, family.user.id);
    const parent = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD);
    const home = parent.page;
    await home.goto(`${e2e.stack.url}/categories/sports`);
    await home.getByRole('link', { name: 'Stage de judo', exact: true }).click();
    await home.getByLabel('Séance', { exact: true }).check();
    await home.getByLabel(/^Lina Pardon/).check();
    await home.waitForLoadState('networkidle');
    for (const day of saturdays.slice(0, 2)) await home.locator(`#calendar input[name=date][value="${day}"]`).check();
    await home.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect.poll(() => text(home)).toContain('Total : 10,00 €');
    await home.getByRole('button', { name: 'Commander »' }).click();
    await checkoutByCard(home);
    await expect.poll(() => text(home), { timeout: 20_000 }).toMatch(/Commande \d{4}-\d{6} confirmée/);

    // Staff see Lina on the first Saturday; her e-ticket's code is refused before that day, which it names.
    const ticket = await db
      .selectFrom('e_tickets')
      .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
      .select('e_tickets.code')
      .where('reservations.user_id', '=', family.user.id)
      .where('reservations.service_date', '=', saturdays[0]!)
      .executeTakeFirstOrThrow();
    await desk.goto(`${e2e.stack.url}/agent/presences/${product.id}?jour=${saturdays[0]}`);
    expect(await text(desk)).toContain('Lina');
    await desk.getByLabel('Code du e-billet').fill(ticket.code);
    await desk.getByRole('button', { name: 'Pointer' }).click();
    await expect.poll(() => text(desk)).toContain(`Ce billet est pour le ${formatLongDate(saturdays[0]!)} : il ne peut pas être pointé avant ce jour-là.`);
    expect(await db.selectFrom('attendance').selectAll().execute()).toEqual([]);

    // Staff close the second Saturday: its 5,00 € go back to the wallet once, and the family is told.
    await desk.goto(`${e2e.stack.url}/agent/fermetures`);
    await desk.getByLabel('Premier jour').fill(saturdays[1]!);
    await desk.getByLabel('Dernier jour').fill(saturdays[1]!);
    await desk.getByLabel('Stage de judo – Rosières').check();
    await desk.getByLabel('Motif').selectOption('Grève');
    await desk.getByRole('button', { name: 'Voir ce que la fermeture va faire' }).click();
    // What it will do, before it is done: the child and the euros, then « Confirmer ».
    await expect.poll(() => text(desk)).toContain('1 réservation(s) annulée(s), 5,00 € remboursés');
    await desk.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(async () => {
      await desk.reload();
      return text(desk);
    }, { timeout: 30_000 }).toContain('Terminée : 1 réservation(s) annulée(s), 5,00 € remboursés, 1 famille(s) prévenue(s)');
    const mail = await e2e.stack.smtp.waitFor(email, (m) => m.subject === 'Fermeture exceptionnelle : Stage de judo');
    expect(mail.text?.replace(/[\u00a0\u202f]/g, ' ')).toContain('5,00 €');
    expect(await balance(db, family.user.id)).toBe(500);
    expect((await walletHistory(db, family.user.id)).filter((entry) => entry.amount_cents > 0)).toHaveLength(1);
    expect(await ledgerMismatches(db)).toEqual([]);
    const states = await db.selectFrom('reservations').select(['service_date', 'state']).where('user_id', '=', family.user.id).orderBy('service_date').execute();
    expect(states).toEqual([
      { service_date: saturdays[0], state: 'confirmed' },
      { service_date: saturdays[1], state: 'cancelled' },
    ]);
    await staff.context.close();
    await parent.context.close();
  }, 180_000);
});
