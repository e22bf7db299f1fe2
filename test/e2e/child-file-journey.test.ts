// The child's file and the two households as their users play it in a real browser. A mother on a
// 375 px phone without JavaScript fills her son's fiche sanitaire (a refused field keeps what she
// typed and asks for the PAI's file again), his authorisations and the grandmother who may collect
// him, and invites the father; he accepts from his own phone and proposes alternate weeks, which she
// accepts from the page that tells her one waits. At the door, on a tablet, the animatrice sees the
// health flag, opens the fiche, is refused a stranger and hands the child to the grandmother. Staff
// open next year's dossier, and the mother gives next year's authorisations at once.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../domain/custody.ts';
import { addDays } from '../../domain/dates.ts';
import { createStaff, PASSWORD } from '../helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, PRODUCT_NAME, serviceDaysFrom } from '../helpers/booking.ts';
import { testNow, testToday } from '../helpers/clock.ts';
import { useE2E } from '../helpers/e2e.ts';

const e2e = useE2E();
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const text = async (page: Page) => ((await page.textContent('main')) ?? '').replace(/[\u00a0\u202f]/g, ' ');
const pdf = { name: 'pai-leo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') };

async function signIn(browser: Browser, url: string, email: string, options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${url}/connexion`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Connexion' }).click();
  await page.waitForURL((at) => !at.pathname.startsWith('/connexion'));
  return { context, page };
}

/** Nothing to scroll sideways on the phone. */
async function fits(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${new URL(page.url()).pathname} is ${scrollWidth} px wide`).toBeLessThanOrEqual(innerWidth);
}

describe('the child’s file and the two households', () => {
  it('a mother fills the file and invites the father, who accepts; the door hands the child to the grandmother only', async () => {
    const db = e2e.stack.database.db;
    const mother = await bookingFamily(db, 'maman.leo@example.fr', [{ first: 'Léo', birth: '2017-04-12' }]);
    const father = await bookingFamily(db, 'papa.leo@example.fr', []);
    const leo = mother.dependants[0]!;
    await createStaff(db, 'animatrice@rosieres.fr', ['rosieres']);
    const url = e2e.stack.url;

    // (1) The mother, on her phone without JavaScript.
    const mum = await signIn(e2e.browser, url, mother.user.email, { ...PHONE, javaScriptEnabled: false });
    const page = mum.page;
    await page.getByRole('link', { name: 'Mes filiations' }).first().click();
    await page.getByRole('link', { name: 'Fiche de l\'enfant Léo' }).click();
    await page.getByRole('link', { name: 'Remplir la fiche sanitaire' }).click();
    await fits(page);
    await page.getByLabel(/^Allergies/).fill('Arachide');
    await page.getByLabel('Oui').check();
    await page.getByLabel('Document du PAI').setInputFiles(pdf);
    await page.getByLabel('Téléphone du médecin').fill('04 71');
    await page.getByRole('button', { name: 'Enregistrer la fiche sanitaire' }).click();
    expect(await text(page)).toContain('Choisissez à nouveau le document du PAI');
    await expect.poll(() => page.getByLabel(/^Allergies/).inputValue()).toBe('Arachide');
    await page.getByLabel('Téléphone du médecin').fill('04 71 09 12 34');
    await page.getByLabel('Document du PAI').setInputFiles(pdf);
    await page.getByRole('button', { name: 'Enregistrer la fiche sanitaire' }).click();
    expect(await text(page)).toContain('La fiche sanitaire est enregistrée.');

    await page.getByRole('link', { name: 'Donner les autorisations' }).click();
    await page.getByRole('group', { name: 'Photo et vidéo' }).getByLabel('Non').check();
    await page.getByRole('group', { name: 'Rentrer seul' }).getByLabel('Oui').check();
    await page.getByLabel('mercredi').check();
    await page.getByRole('group', { name: 'Transport' }).getByLabel('Oui').check();
    await page.getByRole('group', { name: "Soins d'urgence" }).getByLabel('Oui').check();
    await page.getByRole('button', { name: /Enregistrer les autorisations/ }).click();
    expect(await text(page)).toContain('Rentrer seul pour');

    await page.getByRole('link', { name: 'Gérer les personnes' }).click();
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Josette');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Pardon');
    await page.getByLabel('Téléphone *').fill('06 12 34 56 78');
    await page.getByLabel(/Lien avec/).fill('grand-mère');
    await page.getByLabel(/venir chercher/).check();
    await page.getByRole('button', { name: 'Ajouter' }).click();
    expect(await text(page)).toContain('La personne a été ajoutée.');
    await fits(page);

    await page.goto(`${url}/mon-compte/filiations`);
    await page.getByRole('link', { name: 'Inviter l’autre parent de Léo' }).click();
    await page.getByLabel(/Adresse e-mail de l’autre parent/).fill(father.user.email);
    await page.getByRole('button', { name: 'Inviter l’autre parent' }).click();
    expect(await text(page)).toContain('L’invitation est envoyée');
    await fits(page);

    // (2) The father, on his phone, from the mail.
    const mail = await e2e.stack.smtp.waitFor(father.user.email, (m) => /vous invite/.test(m.subject ?? ''));
    expect(mail.text).toContain('vous invite à devenir, vous aussi, responsable de Léo');
    const link = /(https?:\/\/\S+\/garde-partagee\/invitation\?jeton=[a-z0-9]+)/.exec(mail.text ?? '')![1]!;
    const dadContext = await e2e.browser.newContext(PHONE);
    dadContext.setDefaultTimeout(10_000);
    const dad = await dadContext.newPage();
    await dad.goto(link.replace(/^https?:\/\/[^/]+/, url));
    await dad.getByRole('link', { name: 'Me connecter pour répondre' }).click();
    await dad.locator('#email').fill(father.user.email);
    await dad.locator('#password').fill(PASSWORD);
    await dad.getByRole('button', { name: 'Connexion' }).click();
    await dad.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await expect.poll(() => text(dad)).toContain('Vous êtes désormais responsable de cet enfant');
    expect(await text(dad)).not.toMatch(/premier responsable|second responsable/);
    // A day he books for Léo (a week ahead: past any booking deadline), before any rule binds them.
    const [day] = await serviceDaysFrom(db, 'Matin', addDays(testToday(), 7), 1);
    if (!(await holdPlaces(db, { user: father.user, dependants: [leo] }, 'Matin', [day!], testNow())).ok) throw new Error('hold refused');
    await payCart(db, father.user.id, testNow());
    await dad.getByRole('link', { name: 'Règles de paiement et fin du partage' }).click();
    await dad.getByLabel('Activité').selectOption({ label: PRODUCT_NAME });
    await dad.getByLabel('Règle').selectOption('alternate');
    await dad.getByLabel(/Lundi d’une semaine/).fill(mondayOf(testToday()));
    await dad.getByLabel(/Cette semaine-là/).selectOption({ label: 'Vous' });
    await dad.getByRole('button', { name: 'Proposer' }).click();
    await expect.poll(() => text(dad)).toContain('est la vôtre, puis une semaine sur deux');
    await fits(dad);
    await dadContext.close();

    // The mother learns from the child's sharing page that a rule waits for her, and accepts it.
    await page.goto(`${url}/mon-compte/filiations`);
    await page.getByRole('link', { name: 'Garde partagée de Léo' }).click();
    expect(await text(page)).toContain('Une règle de paiement proposée par l’autre parent attend votre réponse.');
    await page.getByRole('link', { name: 'Règles de paiement et fin du partage' }).click();
    await page.getByRole('button', { name: /Accepter la règle/ }).click();
    expect(await text(page)).toContain('La règle est acceptée');

    // (3) At the door: the father's day moved to today, when a departure may be recorded.
    await db.updateTable('reservations').set({ service_date: testToday() }).where('dependant_id', '=', leo.id).execute();
    const product = await demoProduct(db);
    const door = await signIn(e2e.browser, url, 'animatrice@rosieres.fr', { viewport: { width: 768, height: 1024 }, hasTouch: true });
    await door.page.goto(`${url}/agent/presences/${product.id}?jour=${testToday()}`);
    expect(await text(door.page)).toContain('Josette Pardon (grand-mère)');
    await door.page.getByRole('link', { name: 'Allergie / PAI / régime : voir la fiche sanitaire' }).click();
    expect(await text(door.page)).toContain('Arachide');
    await door.page.goBack();
    await door.page.getByRole('button', { name: 'Présent', exact: true }).click();
    await door.page.locator('summary', { hasText: 'Enregistrer le départ' }).click();
    await door.page.getByLabel('Une autre personne').check();
    await door.page.getByLabel(/Nom de l'autre personne/).fill('Kevin Inconnu');
    await door.page.getByRole('button', { name: 'Enregistrer le départ' }).click();
    expect(await text(door.page)).toContain("Cette personne n'est pas autorisée à venir chercher l'enfant");
    await door.page.getByLabel(/^Josette Pardon/).check();
    await door.page.getByRole('button', { name: 'Enregistrer le départ' }).click();
    expect(await text(door.page)).toMatch(/Parti à \d+ h \d+ avec Josette Pardon \(grand-mère\)/);

    // (4) Staff open next year's dossier; the mother gives next year's authorisations at once.
    await door.page.goto(`${url}/agent/inscriptions/nouvelle`);
    await door.page.getByLabel('Ouverture *').fill(testToday());
    await door.page.getByLabel('Clôture *').fill(addDays(testToday(), 40));
    await door.page.getByLabel(new RegExp(PRODUCT_NAME.replace(/[()]/g, '\\$&'))).check();
    await door.page.getByRole('button', { name: 'Créer la campagne' }).click();
    await door.page.getByRole('button', { name: 'Ouvrir la campagne' }).click();
    await door.page.getByRole('button', { name: 'Confirmer' }).click();
    expect(await text(door.page)).toContain('La campagne est ouverte');
    const year = /Dossier annuel (\d{4}-\d{4})/.exec(await text(door.page))![1]!;
    await door.context.close();

    await page.goto(`${url}/mon-compte/dossier-annuel`);
    expect(await text(page)).toContain(`Année scolaire ${year}`);
    await fits(page);
    await page.goto(`${url}/mon-compte/enfants/${leo.id}/autorisations`);
    expect(await text(page)).toContain(`Année scolaire ${year}`);
    await mum.context.close();
  }, 90_000);
});
