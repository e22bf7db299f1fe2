// Shared custody in a real browser: parent A invites B from « Mes filiations », B opens the mailed
// link, signs in with their own account, comes back to the invitation and accepts, then books two
// Wednesdays for the child and pays them from B's own wallet; A's wallet is untouched.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { balance, moveMoney } from '../../db/queries/wallet/wallet.ts';
import { PASSWORD } from '../helpers/accounts.ts';
import { addHomeAddress, bookingFamily } from '../helpers/booking.ts';
import { signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';
import { pickDays } from '../helpers/calendar.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('shared custody', () => {
  it('A invites B, B accepts from their own account and pays their own days from their wallet', async () => {
    const db = e2e.stack.database.db;
    const a = await bookingFamily(db, 'marie-garde@example.fr', [{ first: 'Jérémy', birth: '2017-04-12' }]);
    const b = await bookingFamily(db, 'marc-garde@example.fr', []);
    await moveMoney(db, { userId: a.user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: 'seed-garde-a' });
    await moveMoney(db, { userId: b.user.id, amountCents: 5000, kind: 'topup', label: 'Recharge par carte de 50,00 €', idempotencyKey: 'seed-garde-b' });
    await addHomeAddress(db, b.user.id);

    const first = await signedIn(e2e.browser, e2e.stack.url, a.user.email, PASSWORD);
    await first.page.goto(`${e2e.stack.url}/mon-compte/filiations`);
    await first.page.getByRole('link', { name: 'Inviter l’autre parent de Jérémy' }).click();
    await first.page.getByLabel(/Adresse e-mail de l’autre parent/).fill(b.user.email);
    await first.page.getByRole('button', { name: 'Inviter l’autre parent' }).click();
    await expect.poll(() => text(first.page)).toContain('L’invitation est envoyée');
    await first.context.close();

    const mail = await e2e.stack.smtp.waitFor(b.user.email, (m) => /vous invite/.test(m.subject ?? ''));
    const link = /(https?:\/\/\S+\/garde-partagee\/invitation\?jeton=[a-z0-9]+)/.exec(mail.text ?? '')![1]!;

    const context = await e2e.browser.newContext();
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, e2e.stack.url));
    await page.getByRole('link', { name: 'Me connecter pour répondre' }).click();
    await page.locator('#email').fill(b.user.email);
    await page.locator('#password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Connexion' }).click();
    await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await expect.poll(() => text(page)).toContain('Vous êtes désormais responsable de cet enfant');

    await page.goto(`${e2e.stack.url}/communes/rosieres`);
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await page.getByLabel('Matin', { exact: true }).check();
    await page.getByLabel(/^Jérémy Pardon/).check();
    await page.waitForLoadState('networkidle');
    await pickDays(page, 2);
    await page.getByRole('button', { name: 'Ajouter au panier' }).click();
    await expect.poll(() => text(page)).toContain('Total : 15,80 €');
    await page.getByRole('button', { name: 'Commander »' }).click();
    await expect.poll(() => text(page)).toContain('Bénéficiaire : Jérémy Pardon');
    await page.getByRole('link', { name: 'Commander >' }).click();
    await page.getByLabel(/Domicile/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();
    await page.getByLabel(/J'ai lu les conditions générales de vente/).check();
    await page.getByRole('button', { name: 'Commander >' }).click();
    await page.getByRole('button', { name: /Payer avec mon porte-monnaie/ }).click();
    await expect.poll(() => text(page), { timeout: 20_000 }).toMatch(/Commande \d{4}-\d{6} confirmée/);
    await context.close();

    const booked = await db.selectFrom('reservations').select(['user_id', 'dependant_id']).where('dependant_id', '=', a.dependants[0]!.id).where('state', '=', 'confirmed').execute();
    expect(booked).toEqual([
      { user_id: b.user.id, dependant_id: a.dependants[0]!.id },
      { user_id: b.user.id, dependant_id: a.dependants[0]!.id },
    ]);
    expect(await balance(db, b.user.id)).toBe(5000 - 1580);
    expect(await balance(db, a.user.id)).toBe(1000);
  }, 120_000);
});
