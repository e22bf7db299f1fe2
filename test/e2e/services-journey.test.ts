// A validated parent declares two children, asks for a Rosières service, staff approve it, and
// the parent follows "Réserver" to the Rosières catalogue; with and without JavaScript.
import { describe, expect, it } from 'vitest';
import { demoAccounts } from '../../db/demo/data.ts';
import { signedIn } from '../helpers/browser.ts';
import { createParent, PASSWORD } from '../helpers/accounts.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();
const agent = demoAccounts.find((account) => account.role === 'staff')!;
const OFFER = 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE';


describe.each([
  { javaScriptEnabled: true, email: 'famille.js@example.fr' },
  { javaScriptEnabled: false, email: 'famille.nojs@example.fr' },
])('services journey (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled, email }) => {
  it('goes from declaring the children to the commune catalogue', async () => {
    await createParent(e2e.stack.database.db, email, { status: 'validated', commune: 'rosieres' });
    const { context: parent, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);

    await page.goto(`${e2e.stack.url}/mon-compte`);
    await page.getByRole('main').getByRole('link', { name: 'Mes filiations' }).click();
    for (const [first, birth] of [['Jérémy', '2017-04-12'], ['Noëllie', '2019-09-30']] as const) {
      await page.getByLabel('Prénom').fill(first);
      await page.locator('#last_name').fill('Pardon');
      await page.getByLabel('Date de naissance').fill(birth);
      await page.getByLabel('Lien').selectOption('enfant');
      await page.getByRole('button', { name: 'Ajouter' }).click();
      await expect.poll(() => page.textContent('body')).toContain('La personne a été ajoutée.');
    }
    expect(await page.getByRole('row').filter({ hasText: 'Pardon' }).count()).toBe(2);

    await page.goto(`${e2e.stack.url}/mon-compte/services`);
    await page.getByRole('link', { name: 'Ajouter un service' }).click();
    await page.getByRole('group', { name: 'ROSIÈRES' }).getByLabel(OFFER).check();
    await page.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => page.textContent('body')).toContain('Votre demande a été envoyée à la mairie.');
    expect(await page.getByRole('row').filter({ hasText: OFFER }).textContent()).toContain('En attente de validation');

    const { context: staff, page: staffPage } = await signedIn(e2e.browser, e2e.stack.url, agent.email, agent.password, javaScriptEnabled);
    await staffPage.goto(`${e2e.stack.url}/agent/services`);
    const request = staffPage.getByRole('article').filter({ hasText: email });
    expect(await request.textContent()).toContain('Jérémy Pardon');
    await request.getByRole('button', { name: /^Valider/ }).click();
    await expect.poll(async () => (await staffPage.getByRole('article').filter({ hasText: email }).count())).toBe(0);
    await staff.close();

    await expect
      .poll(async () => {
        await page.goto(`${e2e.stack.url}/mon-compte/services`);
        return page.getByRole('row').filter({ hasText: OFFER }).textContent();
      })
      .toContain('Validé');
    await page.getByRole('row').filter({ hasText: OFFER }).getByRole('link', { name: /Réserver/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('MAIRIE DE ROSIÈRES');
    await page.getByRole('link', { name: 'Inscription Accueil Périscolaire (mercredis)', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Ajouter au panier' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /Bénéficiaire/ }).textContent()).toContain('Jérémy Pardon');
    await parent.close();
  }, 90_000);
});
