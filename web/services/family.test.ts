// "Mes services", the requests and the staff's decision, with a worker of the real app running
// subscriptionApproval; the catalogue and the "what is missing to buy" rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db } });

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});

const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue });
const get = (path: string, cookie?: string) => app().request(path, { headers: cookie ? { Cookie: cookie } : {} });
const offerId = async (label: string) => (await database.db.selectFrom('service_offers').select('id').where('label', '=', label).executeTakeFirstOrThrow()).id;
const HORS_COMMUNE = 'INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT HORS-COMMUNE';

async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition never met');
}

describe('Ajouter un service', () => {
  it('shows the offers grouped by commune with the reference text', async () => {
    await createParent(database.db, 'offres@example.fr', { status: 'validated' });
    const html = await (await get('/mon-compte/services/ajouter', await login(app(), 'offres@example.fr'))).text();
    expect(html).toContain('Merci de choisir, dans votre commune, l&#39;élément correspondant à votre situation puis appuyer sur le bouton &quot;Valider&quot;, en bas de la page');
    for (const text of ['<legend>AIGUILHE</legend>', '1ER ENFANT À LA GARDERIE', '<legend>ALLÈGRE</legend>', 'RÉSERVATION POUR ENFANTS', '<legend>BAINS</legend>', 'RÉSERVATION REPAS ADULTES']) {
      expect(html).toContain(text);
    }
  });

  it('needs a validated account', async () => {
    const parent = await createParent(database.db, 'pas-encore@example.fr', { status: 'pending' });
    const cookie = await login(app(), 'pas-encore@example.fr');
    const response = await postForm(app(), '/mon-compte/services/ajouter', { offer: String(await offerId(HORS_COMMUNE)) }, { Cookie: cookie });
    expect(response.headers.get('location')).toBe('/mon-compte/services');
    expect(await database.db.selectFrom('subscriptions').select('id').where('user_id', '=', parent.id).execute()).toEqual([]);
    expect(await (await get('/mon-compte/services', cookie)).text()).toContain('Vous pourrez demander un service une fois votre compte validé par la mairie.');
  });

  it('asks for at least one offer', async () => {
    await createParent(database.db, 'rien@example.fr', { status: 'validated' });
    const response = await postForm(app(), '/mon-compte/services/ajouter', {}, { Cookie: await login(app(), 'rien@example.fr') });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Choisissez au moins un service');
  });

  it('files a request, refuses the same one kindly, and staff of the commune approve it: "Validé" and "Réserver"', async () => {
    const parent = await createParent(database.db, 'services@example.fr', { status: 'validated' });
    const cookie = await login(app(), parent.email);
    const offer = String(await offerId(HORS_COMMUNE));
    await postForm(app(), '/mon-compte/services/ajouter', { offer }, { Cookie: cookie });
    let page = await (await get('/mon-compte/services?demandes=1&deja=0', cookie)).text();
    expect(page).toContain('Votre demande a été envoyée à la mairie.');
    expect(page).toContain(HORS_COMMUNE);
    expect(page).toContain('ROSIÈRES');
    expect(page).toContain('En attente de validation');

    const twice = await postForm(app(), '/mon-compte/services/ajouter', { offer }, { Cookie: cookie });
    expect(twice.headers.get('location')).toBe('/mon-compte/services?demandes=0&deja=1');
    expect(await (await get(twice.headers.get('location')!, cookie)).text()).toContain('Un service choisi était déjà demandé');
    expect(await database.db.selectFrom('subscriptions').select('id').where('user_id', '=', parent.id).execute()).toHaveLength(1);

    await createStaff(database.db, 'agent.bains@example.fr', ['bains']);
    const outsider = await login(app(), 'agent.bains@example.fr');
    const subscription = await database.db.selectFrom('subscriptions').select('id').where('user_id', '=', parent.id).executeTakeFirstOrThrow();
    expect(await (await get('/agent/services', outsider)).text()).not.toContain('services@example.fr');
    expect((await postForm(app(), `/agent/services/${subscription.id}`, { action: 'approve' }, { Cookie: outsider })).status).toBe(403);

    await createStaff(database.db, 'agent.rosieres2@example.fr', ['rosieres']);
    const staff = await login(app(), 'agent.rosieres2@example.fr');
    const queue = await (await get('/agent/services', staff)).text();
    expect(queue).toContain(HORS_COMMUNE);
    const missing = await postForm(app(), `/agent/services/${subscription.id}`, { action: 'reject', reason: '' }, { Cookie: staff });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Indiquez le motif du refus');
    await postForm(app(), `/agent/services/${subscription.id}`, { action: 'approve' }, { Cookie: staff });
    await until(async () => (await database.db.selectFrom('subscriptions').select('status').where('id', '=', subscription.id).executeTakeFirstOrThrow()).status === 'validated');

    page = await (await get('/mon-compte/services', cookie)).text();
    expect(page).toContain('Validé');
    expect(page).toMatch(new RegExp(`href="/communes/rosieres\\?service=${offer}">Réserver`));
    const catalogue = await (await get(`/communes/rosieres?service=${offer}`, cookie)).text();
    expect(catalogue).toContain('Inscription Accueil Périscolaire (mercredis)');
    const mail = await database.db.selectFrom('outbox_mails').select('subject').where('recipient', '=', parent.email).executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Service validé : ${HORS_COMMUNE}`);
  });
});

describe('catalogue', () => {
  it('shows a commune page as the reference does', async () => {
    const html = await (await get('/communes/rosieres')).text();
    for (const text of ['MAIRIE DE ROSIÈRES', 'IL Y A 2 PRODUITS', 'Tri par', 'Afficher', 'Résultats 1 - 2 sur 2.', 'Inscription Accueil Périscolaire (mercredis)', 'Mairie de Rosières - Accueil de Loisirs', 'Personnaliser']) {
      expect(html).toContain(text);
    }
  });

  it('sorts by name or price and pages the results', async () => {
    // A commune of its own, so that the demo's products do not count.
    const bains = await database.db.insertInto('communes').values({ slug: 'saint-paulien', name: 'Saint-Paulien', mairie_label: 'Mairie de Saint-Paulien', phone: null }).returning('id').executeTakeFirstOrThrow();
    for (const [index, name] of ['Zumba', 'Aquagym', 'Judo'].entries()) {
      const product = await database.db
        .insertInto('products')
        .values({ commune_id: bains.id, name, provider_label: 'Club', description: '', category: 'sports', kind: 'ticket', weekdays: [], season_start: '2026-09-01', season_end: '2027-07-04' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db.insertInto('prestations').values({ product_id: product.id, label: 'Séance', price_cents: [500, 900, 300][index]!, position: 0 }).execute();
    }
    const names = (html: string) => [...html.matchAll(/<h2><a href="\/produits\/\d+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    const ours = (html: string) => names(html).filter((name) => ['Aquagym', 'Judo', 'Zumba'].includes(name!));
    expect(ours(await (await get('/categories/sports')).text())).toEqual(['Aquagym', 'Judo', 'Zumba']);
    expect(ours(await (await get('/categories/sports?tri=prix')).text())).toEqual(['Judo', 'Zumba', 'Aquagym']);
    expect(ours(await (await get('/categories/sports?tri=prix-desc')).text())).toEqual(['Aquagym', 'Zumba', 'Judo']);
    const html = await (await get('/communes/saint-paulien?tri=nom-desc&afficher=12&page=1')).text();
    expect(names(html)).toEqual(['Zumba', 'Judo', 'Aquagym']);
    expect(html).toContain('IL Y A 3 PRODUITS');
    expect(html).toContain('À partir de 3,00');

    for (let i = 1; i <= 11; i += 1) {
      await database.db
        .insertInto('products')
        .values({ commune_id: bains.id, name: `Stage ${String(i).padStart(2, '0')}`, provider_label: 'Club', description: '', category: 'sports', kind: 'ticket', weekdays: [], season_start: '2026-09-01', season_end: '2027-07-04' })
        .execute();
    }
    const second = await (await get('/communes/saint-paulien?page=2')).text();
    expect(second).toContain('Résultats 13 - 14 sur 14.');
    expect(names(second)).toEqual(['Stage 11', 'Zumba']);
    expect(second).toContain('<span aria-current="page">2</span>');
    expect((await (await get('/communes/saint-paulien?afficher=24')).text())).toContain('Résultats 1 - 14 sur 14.');
  });

  it('says plainly when a category has no product yet', async () => {
    await database.db.updateTable('products').set({ category: 'sports' }).where('category', '=', 'velo-en-velay').execute();
    const html = await (await get('/categories/velo-en-velay')).text();
    expect(html).toContain('AUCUN PRODUIT POUR LE MOMENT');
    expect(html).toContain('Aucune commune ne propose encore de produit « Vélo en Velay » en ligne.');
    expect((await get('/categories/inconnue')).status).toBe(404);
    expect((await get('/communes/atlantis')).status).toBe(404);
  });

  it('tells each family what is missing before it may buy, with the place to fix it', async () => {
    const product = await database.db.selectFrom('products').select('id').where('name', '=', 'Inscription Accueil Périscolaire (mercredis)').executeTakeFirstOrThrow();
    const path = `/produits/${product.id}`;
    const anonymous = await (await get(path)).text();
    expect(anonymous).toContain('Matin + Repas');
    expect(anonymous).toContain('7,90');
    expect(anonymous).toContain(`href="/connexion?retour=${encodeURIComponent(path)}"`);

    await createParent(database.db, 'manque@example.fr', { status: 'pending' });
    const pending = await (await get(path, await login(app(), 'manque@example.fr'))).text();
    expect(pending).toContain('Votre compte doit être validé par la mairie.');
    expect(pending).toContain('href="/mon-compte/services/ajouter"');

    await createParent(database.db, 'abonne@example.fr', { status: 'validated' });
    const cookie = await login(app(), 'abonne@example.fr');
    expect(await (await get(path, cookie)).text()).not.toContain('Votre compte doit être validé');
    await postForm(app(), '/mon-compte/services/ajouter', { offer: String(await offerId('INSCRIPTION ACCUEIL DE LOISIRS RÉSIDENT')) }, { Cookie: cookie });
    expect(await (await get(path, cookie)).text()).toContain('Votre demande d&#39;inscription au service est en attente de validation par la mairie.');
  });
});
