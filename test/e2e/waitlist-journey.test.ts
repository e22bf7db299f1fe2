// A waiting list in a real browser against the real product (worker, Temporal, SMTP): a day is
// full; a parent checks it « liste d'attente » on the calendar and joins (with JavaScript); the
// family holding the place cancels it from « Mes réservations » (without); the waiting parent gets
// the mail, whose link opens the cart holding the place, and books it in one checkout.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parisDate } from '../../domain/dates.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily, demoProduct, holdPlaces, payCart, setCapacity } from '../helpers/booking.ts';
import { checkoutByCard, signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { testNow } from '../helpers/clock.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('a waiting list', () => {
  it('offers a place freed by a cancellation to the family waiting, mailed, booked from its cart', async () => {
    const db = e2e.stack.database.db;
    const product = await demoProduct(db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    // A Wednesday far enough ahead for its cancellation and booking deadlines.
    const day = (await db.selectFrom('slots').select('service_date').where('prestation_id', '=', matin).where('service_date', '>', parisDate(new Date(testNow().getTime() + 10 * 86_400_000))).orderBy('service_date').executeTakeFirstOrThrow()).service_date;
    await setCapacity(db, day, 'Matin', 1);
    const holder = await bookingFamily(db, 'titulaire-e2e@example.fr', [{ first: 'Léon', birth: '2017-05-05' }]);
    if (!(await holdPlaces(db, holder, 'Matin', [day], testNow())).ok) throw new Error('hold refused');
    await payCart(db, holder.user.id, testNow());
    const email = 'attente-e2e@example.fr';
    const waiting = await bookingFamily(db, email, [{ first: 'Maëlle', birth: '2017-09-09' }]);
    await addHomeAddress(db, waiting.user.id);

    // The day is full: checked « liste d'attente » on the calendar, joined with the form's button.
    const parent = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD);
    const page = parent.page;
    await page.goto(`${e2e.stack.url}/produits/${product.id}?prestation=${matin}&enfant=${waiting.dependants[0]!.id}&mois=${day.slice(0, 7)}`);
    const cell = page.locator(`#jour-${day}`);
    expect(await cell.textContent()).toContain('complet');
    await page.locator(`#attente-${day}`).check();
    await page.getByRole('button', { name: /M'inscrire sur liste d'attente/ }).click();
    await page.waitForURL(/\/mon-compte\/listes-attente/);
    expect(await text(page)).toContain('Vous êtes sur la liste d’attente');
    expect(await text(page)).toMatch(/Maëlle.*1re/s);

    // The family holding the place cancels it, without JavaScript.
    const other = await signedIn(e2e.browser, e2e.stack.url, 'titulaire-e2e@example.fr', PASSWORD, false);
    await other.page.goto(`${e2e.stack.url}/mon-compte/reservations`);
    await other.page.getByRole('button', { name: /^Annuler/ }).click();
    await other.page.waitForURL(/annulee=/);

    // The mail's link opens the cart that holds the place; every page says it is offered.
    const mail = await e2e.stack.smtp.waitFor(email, (m) => (m.subject ?? '').startsWith('Une place s’est libérée'));
    const link = /(http:\/\/localhost:\d+\/panier)/.exec(mail.text ?? '')?.[1];
    expect(link).toBeDefined();
    await page.goto(`${e2e.stack.url}/mon-compte`);
    expect(await text(page)).toContain('Une place libérée vous est proposée');
    await page.goto(link!);
    expect(await text(page)).toContain('Maëlle');
    await page.getByRole('button', { name: 'Commander >' }).click();
    await checkoutByCard(page);
    await expect.poll(() => text(page), { timeout: 20_000 }).toContain('confirmée');

    const booked = await db.selectFrom('reservations').select(['user_id', 'state']).where('slot_id', 'in', db.selectFrom('slots').select('id').where('prestation_id', '=', matin).where('service_date', '=', day)).orderBy('id').execute();
    expect(booked).toEqual([{ user_id: holder.user.id, state: 'cancelled' }, { user_id: waiting.user.id, state: 'confirmed' }]);
    expect(await db.selectFrom('waitlist_entries').select('status').where('user_id', '=', waiting.user.id).execute()).toEqual([{ status: 'booked' }]);
    await page.goto(`${e2e.stack.url}/mon-compte`);
    expect(await text(page)).not.toContain('Une place libérée vous est proposée');
  });
});
