// Staff build what the issue said they could not, in a real browser, with and without JavaScript:
// the Rosières Wednesday accueil with its six prestations (one more row at a time) and its
// quotient familial tiers at creation; a démarche's form of seven fields, seen as families will
// before it is created, then edited. With JavaScript, axe-core checks the pages the buttons bring.
// « Ajouter une prestation » brings the page back at the new row, and Enter in a field does what
// the form is for (creates, saves), not the first secondary button of the form.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../domain/booking-calendar.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { readPricingRules } from '../../domain/pricing.ts';
import { readRequestFields } from '../../domain/request-forms.ts';
import { createStaff, PASSWORD } from '../helpers/accounts.ts';
import { signedIn } from '../helpers/browser.ts';
import { testNow } from '../helpers/clock.ts';
import { useE2E } from '../helpers/e2e.ts';
import { axeViolations } from '../helpers/axe.ts';

const e2e = useE2E();
const text = async (page: Page) => ((await page.textContent('body')) ?? '').replace(/[\u00a0\u202f]/g, ' ');

const ROSIERES_WEDNESDAY = [['Matin', '7,90'], ['Matin + Repas', '11,40'], ['Après-midi', '7,90'], ['Après-midi + Repas', '11,40'], ['Journée', '13,50'], ['Journée + Repas', '17,00']] as const;

describe.each([{ javaScriptEnabled: true }, { javaScriptEnabled: false }])('staff build the catalogue and the démarches (JavaScript: $javaScriptEnabled)', ({ javaScriptEnabled }) => {
  it('creates a product of six prestations with its tiers, and a form of seven fields previewed then edited', async () => {
    const db = e2e.stack.database.db;
    const suffix = javaScriptEnabled ? 'avec JS' : 'sans JS';
    const email = `agent-batisseur-${javaScriptEnabled ? 'js' : 'nojs'}@rosieres.fr`;
    await createStaff(db, email, ['rosieres']);
    const { context, page } = await signedIn(e2e.browser, e2e.stack.url, email, PASSWORD, javaScriptEnabled);
    const month = addMonths(parisDate(testNow()).slice(0, 7), 1);

    // The product: three rows to start with, one more each time it is asked, nothing typed lost.
    await page.goto(`${e2e.stack.url}/agent/catalogue`);
    await page.getByLabel("Inscription qui ouvre l'activité").selectOption({ label: 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT – Rosières' });
    await page.getByLabel('Catégorie').selectOption({ label: 'Centres de Loisirs' });
    await page.locator('#nom').fill(`Accueil du mercredi (${suffix})`);
    await page.getByLabel('Début de saison').fill(`${month}-01`);
    await page.getByLabel('Fin de saison').fill(addDays(`${addMonths(month, 2)}-01`, -1));
    await page.getByLabel('Places par prestation et par jour').fill('30');
    for (const [i, [label, price]] of ROSIERES_WEDNESDAY.entries()) {
      if ((await page.locator(`#libelle_${i + 1}`).count()) === 0) {
        await page.getByRole('button', { name: 'Ajouter une prestation' }).click();
        await expect.poll(() => page.locator(`#libelle_${i + 1}`).count()).toBe(1);
        expect(new URL(page.url()).hash).toBe(`#ligne-prestation-${i + 1}`);
        expect(await page.locator(`#libelle_${i + 1}`).evaluate((input) => input.getBoundingClientRect().top >= 0 && input.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
      }
      await page.getByLabel(`Prestation ${i + 1}`, { exact: true }).fill(label);
      await page.getByLabel(`Prix ${i + 1} (€)`, { exact: true }).fill(price);
    }
    expect(await page.locator('#nom').inputValue()).toBe(`Accueil du mercredi (${suffix})`);
    expect(await page.locator('#libelle_1').inputValue()).toBe('Matin');
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Tranche 1 : libellé').fill('QF 1');
    await page.locator('#qf_plafond_1').fill('700');
    await page.locator('#qf_taux_1').fill('60');
    await page.getByLabel('Tranche 2 : libellé').fill('QF 2');
    await page.locator('#qf_taux_2').fill('100');
    await page.locator('#qf_taux_2').press('Enter');
    await expect.poll(() => text(page)).toContain("L'activité est créée avec ses jours");
    const product = await db.selectFrom('products').select(['id', 'pricing']).where('name', '=', `Accueil du mercredi (${suffix})`).executeTakeFirstOrThrow();
    const prestations = await db.selectFrom('prestations').select('label').where('product_id', '=', product.id).orderBy('position').execute();
    expect(prestations.map((p) => p.label)).toEqual(ROSIERES_WEDNESDAY.map(([label]) => label));
    expect(readPricingRules(product.pricing).qfTiers).toEqual([{ label: 'QF 1', upTo: 700, percent: 60 }, { label: 'QF 2', upTo: null, percent: 100 }]);
    expect(await page.locator('#qf_libelle_2').inputValue()).toBe('QF 2');

    // The démarche: seven fields, the preview, then the form created and edited.
    await page.goto(`${e2e.stack.url}/agent/demarches/formulaires`);
    await page.getByLabel('Commune').selectOption({ label: 'Rosières' });
    await page.getByLabel('Titre').fill(`Salle des fêtes (${suffix})`);
    const fields = ['Nom', 'Date', 'Salle', 'Personnes', 'Sonorisation', 'Association', 'Précisions'];
    for (const [i, label] of fields.entries()) {
      if ((await page.locator(`#libelle_${i + 1}`).count()) === 0) {
        await page.getByRole('button', { name: 'Ajouter un champ' }).click();
        await expect.poll(() => page.locator(`#libelle_${i + 1}`).count()).toBe(1);
        expect(new URL(page.url()).hash).toBe(`#ligne-champ-${i + 1}`);
      }
      await page.getByLabel(`Champ ${i + 1} : libellé`, { exact: true }).fill(label);
    }
    await page.getByLabel('Champ 2 : type').selectOption('date');
    await page.getByLabel('Champ 3 : type').selectOption('choice');
    await page.getByLabel('Champ 3 : réponses (pour un choix)').fill('Grande salle ; Petite salle');
    await page.getByLabel('Champ 3 obligatoire').check();
    await page.getByRole('button', { name: 'Aperçu pour les familles' }).click();
    await expect.poll(() => text(page)).toContain('Aperçu : le formulaire tel que les familles le verront');
    await expect.poll(() => page.locator('#apercu_champ_3 option').allTextContents()).toEqual(['Choisissez', 'Grande salle', 'Petite salle']);
    if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Créer le formulaire' }).click();
    await expect.poll(() => text(page)).toContain('Le formulaire est créé');
    await page.getByRole('link', { name: new RegExp(`Salle des fêtes \\(${suffix}\\)`) }).click();
    await page.getByLabel('Champ 7 : libellé', { exact: true }).fill('Remarques');
    await page.getByLabel('Champ 7 : libellé', { exact: true }).press('Enter');
    await expect.poll(() => text(page)).toContain('Le formulaire est enregistré.');
    const form = await db.selectFrom('request_forms').select('fields').where('title', '=', `Salle des fêtes (${suffix})`).executeTakeFirstOrThrow();
    expect(readRequestFields(form.fields).map((f) => f.label)).toEqual([...fields.slice(0, 6), 'Remarques']);
    expect(readRequestFields(form.fields)[2]).toMatchObject({ kind: 'choice', required: true, choices: ['Grande salle', 'Petite salle'] });
    await context.close();
  }, 120_000);
});
