// An absence for illness, in a real browser against the real product, without JavaScript on the
// family's side: a parent whose child is booked on two Wednesdays declares both absent from « Mes
// réservations » with the medical certificate; staff find it on their dashboard, open the
// certificate and accept; the wallet gets both days back once, the places go back, and the parent
// reads it in « Mes absences ».
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balance, ledgerMismatches } from '../../db/queries/wallet/wallet.ts';
import { parisDate } from '../../domain/dates.ts';
import { PNG_1X1 } from '../fixtures/files.ts';
import { createStaff, PASSWORD } from '../helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../helpers/booking.ts';
import { signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { testNow } from '../helpers/clock.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('an absence for illness', () => {
  it('is declared with its certificate, accepted by staff, and credited to the wallet once', async () => {
    const db = e2e.stack.database.db;
    await createStaff(db, 'agent-absences-e2e@rosieres.fr', ['rosieres']);
    const product = await demoProduct(db);
    const matin = product.prestations.find((p) => p.label === 'Matin')!.id;
    const days = (await db.selectFrom('slots').select('service_date').where('prestation_id', '=', matin).where('service_date', '>', parisDate(testNow())).orderBy('service_date').limit(2).execute()).map((s) => s.service_date);
    const email = 'absente@example.fr';
    const family = await bookingFamily(db, email, [{ first: 'Zoé', birth: '2017-03-03' }]);
    if (!(await holdPlaces(db, family, 'Matin', days, testNow())).ok) throw new Error('hold refused');
    await payCart(db, family.user.id, testNow());
    const before = await balance(db, family.user.id);

    const parent = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, false);
    const home = parent.page;
    await home.goto(`${e2e.stack.url}/mon-compte/reservations`);
    await home.getByRole('link', { name: /^Déclarer une absence/ }).first().click();
    expect(await text(home)).toContain('Déclarer une absence pour maladie');
    for (const box of await home.locator('input[name=jour]').all()) await box.check();
    await home.getByLabel(/^Certificat médical/).setInputFiles({ name: 'certificat.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1) });
    await home.getByRole('button', { name: 'Déclarer l’absence' }).click();
    await expect.poll(() => text(home)).toContain('Votre absence est déclarée.');

    const staff = await signedIn(e2e.browser, e2e.stack.url, 'agent-absences-e2e@rosieres.fr', PASSWORD);
    const desk = staff.page;
    await desk.goto(`${e2e.stack.url}/agent`);
    await expect.poll(async () => {
      await desk.reload();
      return text(desk);
    }).toContain('1 absence(s) pour maladie à examiner');
    await desk.getByRole('link', { name: /absence\(s\) pour maladie à examiner/ }).click();
    await desk.getByRole('link', { name: 'Zoé' }).click();
    const certificate = await desk.request.get(await desk.getByRole('link', { name: 'Voir le certificat médical' }).getAttribute('href').then((href) => `${e2e.stack.url}${href}`));
    expect(certificate.headers()['content-type']).toBe('image/png');
    await desk.getByLabel(/^Accepter/).check();
    await desk.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await expect.poll(() => text(desk)).toContain('L’absence est acceptée');

    await expect.poll(() => balance(db, family.user.id)).toBe(before + 2 * 790);
    expect(await ledgerMismatches(db)).toEqual([]);
    const refunds = await db.selectFrom('wallet_entries').select('amount_cents').where('user_id', '=', family.user.id).where('kind', '=', 'refund').execute();
    expect(refunds).toEqual([{ amount_cents: 790 }, { amount_cents: 790 }]);
    expect(await db.selectFrom('reservations').select('state').where('user_id', '=', family.user.id).execute()).toEqual([{ state: 'cancelled' }, { state: 'cancelled' }]);
    await home.goto(`${e2e.stack.url}/mon-compte/absences`);
    expect(await text(home)).toContain('Acceptée, remboursée sur le porte-monnaie');
  });
});
