// The whole account journey in a real browser, with and without JavaScript: create an account
// from an e-mail address, read the mail from the real SMTP test server, choose a password (a weak
// one first, refused), upload a document, a staff member approves, the parent sees "Compte validé"
// and has the mail.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../db/demo/data.ts';
import { PNG_1X1 } from '../fixtures/files.ts';
import { signedIn } from '../helpers/browser.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();
const agent = demoAccounts.find((account) => account.role === 'staff')!;


async function linkFromMail(to: string, subject: string): Promise<string> {
  const mail = await e2e.stack.smtp.waitFor(to, (m) => m.subject === subject);
  const link = /(http:\/\/localhost:\d+\/\S+)/.exec(mail.text ?? '')?.[1];
  if (!link) throw new Error(`no link in mail to ${to}`);
  return link;
}

async function approveAsStaff(parentEmail: string, javaScriptEnabled: boolean): Promise<void> {
  const { context, page } = await signedIn(e2e.browser, e2e.stack.url, agent.email, agent.password, javaScriptEnabled);
  // Staff land on their dashboard, which leads to every queue.
  await page.waitForURL('**/agent');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tableau de bord');
  await page.getByRole('link', { name: 'Comptes à valider' }).click();
  await page.waitForURL('**/agent/validations');
  const row = page.getByRole('row').filter({ hasText: parentEmail });
  await row.getByRole('link', { name: /Examiner/ }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Compte de');
  await page.getByRole('button', { name: 'Valider le compte' }).click();
  await expect.poll(() => page.locator('.notice').first().textContent()).toContain('Compte validé');
  await context.close();
}

async function signUp(page: Page, email: string, javaScriptEnabled: boolean): Promise<void> {
  await page.goto(e2e.stack.url);
  await page.getByRole('link', { name: 'Connexion' }).click();
  await expect.poll(() => page.textContent('body')).toContain("Uniquement si vous n'avez jamais eu de compte sur la plateforme Citoyens");
  await page.locator('#signup_email').fill(email);
  await page.getByRole('button', { name: 'Créer un compte' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Consultez votre messagerie');

  await page.goto(await linkFromMail(email, 'Créez votre compte sur la plateforme Citoyens'));
  await page.getByLabel('Prénom').fill('Claire');
  await page.locator('#last_name').fill('Pardon');
  await page.getByLabel('Téléphone').fill('06 12 34 56 78');
  await page.getByLabel('Commune de résidence').selectOption({ label: 'Rosières' });
  await page.locator('#password').fill('motdepasse');
  if (javaScriptEnabled) {
    // The checklist follows the typing.
    await expect.poll(() => page.locator('#password-rules .rule--unmet').count()).toBe(4);
  }
  await page.getByLabel('Confirmation du mot de passe').fill('motdepasse');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect.poll(() => page.locator('#password-error').textContent()).toContain('Le mot de passe ne respecte pas la politique');
  expect(await page.getByLabel('Prénom').inputValue()).toBe('Claire');
  expect(await page.getByLabel('Commune de résidence').inputValue()).not.toBe('');

  await page.locator('#password').fill('Velay-Rosieres-2026');
  if (javaScriptEnabled) await expect.poll(() => page.locator('#password-rules .rule--met').count()).toBe(6);
  await page.getByLabel('Confirmation du mot de passe').fill('Velay-Rosieres-2026');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL('**/mon-compte/documents?bienvenue=1');
}

describe.each([
  { javaScriptEnabled: true, label: 'with JavaScript', email: 'claire.js@example.fr' },
  { javaScriptEnabled: false, label: 'without JavaScript', email: 'claire.nojs@example.fr' },
])('account journey $label', ({ javaScriptEnabled, email }) => {
  it('goes from an e-mail address to a validated account', async () => {
    const context = await e2e.browser.newContext({ javaScriptEnabled });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signUp(page, email, javaScriptEnabled);

    await page.getByLabel('Type de pièce').selectOption({ label: 'Justificatif de domicile' });
    await page.getByLabel('Fichier').setInputFiles({ name: 'facture.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1) });
    await page.getByRole('button', { name: 'Déposer' }).click();
    await expect.poll(() => page.textContent('body')).toContain('Votre pièce a bien été déposée.');

    await page.getByRole('link', { name: 'Mon compte' }).click();
    await expect.poll(() => page.textContent('body')).toContain('Compte en attente de validation');

    await approveAsStaff(email, javaScriptEnabled);

    await page.reload();
    await expect.poll(() => page.textContent('body')).toContain('Compte validé');
    const mail = await e2e.stack.smtp.waitFor(email, (m) => m.subject === 'Votre compte est validé');
    expect(mail.text).toContain('Bonjour Claire,');
    await context.close();
  }, 90_000);
});
