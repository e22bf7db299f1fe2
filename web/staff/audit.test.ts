// The journal: staff actions with who, what and values, filtered per commune, never another
// commune's; and append-only in the database itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { recordAudit } from '../../db/queries/staff/audit.ts';
import { requestErasure } from '../../db/queries/personal-data/erasure.ts';
import { bookingFamily, demoProduct } from '../../test/helpers/booking.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { addDays, parisDate } from '../../domain/dates.ts';
import { createStaffAccount } from '../../db/queries/staff/staff.ts';
import { launchBrowser } from '../../test/helpers/browser.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let rosieres: string;
let bains: string;
let familyId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@bains.fr', ['bains']);
  rosieres = await login(app(), 'agent@rosieres.fr');
  bains = await login(app(), 'agent@bains.fr');
  familyId = (await createParent(database.db, 'journal@example.fr', { commune: 'rosieres', status: 'validated' })).id;
  const jeton = /name="jeton" value="([0-9a-f-]{36})"/.exec(await (await get(`/agent/familles/${familyId}`, rosieres)).text())![1]!;
  expect((await postForm(app(), `/agent/familles/${familyId}/porte-monnaie`, { montant: '5,00', motif: 'Geste commercial', jeton }, { Cookie: rosieres })).status).toBe(303);
});

describe('journal des actions', () => {
  it("shows who did what with which values, to the commune's staff", async () => {
    const html = await (await get('/agent/journal', rosieres)).text();
    expect(html).toContain('Agent Test');
    // The action in words, the code kept in the database for the filters.
    expect(html).toContain('Ajustement du porte-monnaie');
    expect(html).not.toContain('wallet.adjustment');
    expect(html).toContain('Geste commercial');
    expect(html).toContain('Rosières');
    const filtered = await (await get('/agent/journal?action=attendance', rosieres)).text();
    expect(filtered).not.toContain('Ajustement du porte-monnaie');
  });

  it("shows another commune's staff nothing of it, even when they ask for that commune", async () => {
    const rosieresId = (await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id;
    for (const path of ['/agent/journal', `/agent/journal?commune=${rosieresId}`]) expect(await (await get(path, bains)).text()).not.toContain('Geste commercial');
  });

  it('cannot be changed or erased, even by SQL', async () => {
    await expect(database.db.updateTable('audit_log').set({ action: 'rien' }).execute()).rejects.toThrow('audit_log is append-only (UPDATE refused)');
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow('audit_log is append-only (DELETE refused)');
    expect((await database.db.selectFrom('audit_log').select('action').execute()).map((row) => row.action)).toContain('wallet.adjustment');
  });

  it("shows Bains' staff no Rosières absence, erasure or offer, even when a Bains family has the same id", async () => {
    const nextId = (table: string, value: number) => sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${value})`.execute(database.db);
    const product = await demoProduct(database.db);
    expect(product.commune_id).toBe((await database.db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow()).id);
    const family = await bookingFamily(database.db, 'malade@example.fr');
    const subjects: { type: string; id: number; secret: string }[] = [];

    await nextId('absences', 900_000);
    const absence = await database.db
      .insertInto('absences')
      .values({ user_id: family.user.id, dependant_id: family.dependants[0]!.id, product_id: product.id, certificate_due_at: testNow(), declared_at: testNow() })
      .returning('id')
      .executeTakeFirstOrThrow();
    subjects.push({ type: 'absence', id: absence.id, secret: 'Varicelle de Jérémy' });
    await nextId('erasure_requests', 910_000);
    subjects.push({ type: 'erasure', id: await requestErasure(database.db, { userId: family.user.id, iban: null, now: testNow() }), secret: 'VIR-ROSIERES-1' });
    await nextId('service_offers', 920_000);
    const offer = await database.db.insertInto('service_offers').values({ commune_id: product.commune_id, label: 'CANTINE ROSIÈRES', position: 99 }).returning('id').executeTakeFirstOrThrow();
    subjects.push({ type: 'service-offer', id: offer.id, secret: 'Pièces de la cantine de Rosières' });

    for (const subject of subjects) {
      // A Bains family whose account id is the subject's: the old reading took one for the other.
      await nextId('users', subject.id - 1);
      expect((await createParent(database.db, `bains-${subject.type}@example.fr`, { commune: 'bains', status: 'validated' })).id).toBe(subject.id);
      await recordAudit(database.db, { actorId: null, action: `${subject.type}.test`, subject: { type: subject.type, id: subject.id }, details: { secret: subject.secret } });
    }
    const theirs = await (await get('/agent/journal', bains)).text();
    const ours = await (await get('/agent/journal', rosieres)).text();
    for (const subject of subjects) {
      expect(theirs).not.toContain(subject.secret);
      expect(ours).toContain(subject.secret);
    }
  });

  it('names who did it and whom it concerned, says amounts in euros and details in words, never ids or JSON', async () => {
    await database.db.updateTable('users').set({ first_name: 'Noëllie', last_name: 'Dupré' }).where('id', '=', familyId).execute();
    await database.db.updateTable('users').set({ first_name: 'Agathe', last_name: 'Rosier' }).where('email', '=', 'agent@rosieres.fr').execute();
    const product = await demoProduct(database.db);
    const names = await database.db.selectFrom('products').innerJoin('prestations', 'prestations.product_id', 'products.id').select(['products.name', 'prestations.id']).where('products.id', '=', product.id).executeTakeFirstOrThrow();
    const agent = await database.db.selectFrom('users').select('id').where('email', '=', 'agent@rosieres.fr').executeTakeFirstOrThrow();
    await recordAudit(database.db, { actorId: agent.id, action: 'product.price', subject: { type: 'product', id: product.id }, details: { prestationId: names.id, before: 790, after: 1250 } });
    const html = await (await get('/agent/journal', rosieres)).text();
    expect(html).toContain('Agathe Rosier');
    expect(html).toContain('Noëllie Dupré');
    expect(html).toContain(names.name);
    expect(html).toContain('Montant : 5,00\u00a0€');
    expect(html).toContain('Motif : Geste commercial');
    expect(html).toContain('Avant : 7,90\u00a0€');
    expect(html).toContain('Après : 12,50\u00a0€');
    const table = html.slice(html.indexOf('<table class="journal">'), html.indexOf('</table>'));
    expect(table).not.toMatch(/Compte n°|Activité n°|&quot;|\{|cents/);
  });

  it('filters by days, by a person written without accents or case, and by kind, keeping what was typed', async () => {
    const entry = await database.db.selectFrom('audit_log').select('created_at').where('action', '=', 'wallet.adjustment').executeTakeFirstOrThrow();
    const day = parisDate(entry.created_at);
    const page = async (query: string) => (await get(`/agent/journal?${query}`, rosieres)).text();
    for (const person of ['noellie dupre', 'DUPRÉ', 'rosier agathe']) expect(await page(`personne=${encodeURIComponent(person)}`)).toContain('Geste commercial');
    expect(await page('personne=inconnu')).toContain('Aucune action pour ce filtre.');
    const kept = await page(`personne=noellie&du=${day}&au=${day}&action=wallet`);
    expect(kept).toContain('Geste commercial');
    expect(kept).toContain('value="noellie"');
    expect(kept).toContain(`value="${day}"`);
    expect(kept).toMatch(/<option value="wallet" selected/);
    expect(await page(`du=${addDays(day, 1)}`)).not.toContain('Geste commercial');
    expect(await page(`au=${addDays(day, -1)}`)).not.toContain('Geste commercial');
    const wrong = await get(`/agent/journal?du=${day}&au=${addDays(day, -1)}`, rosieres);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Le dernier jour vient après le premier.');
    expect(await (await get('/agent/journal?du=31/02/2026', rosieres)).text()).toContain('Une date, comme 16/12/2026.');
    // The filters never reach past the staff's communes.
    for (const query of ['personne=dupre', `du=${day}&au=${day}`, 'action=wallet']) expect(await (await get(`/agent/journal?${query}`, bains)).text()).not.toContain('Geste commercial');
  });

  it('records an agent invited and the invitation accepted, for administrators only', async () => {
    const admin = await createStaff(database.db, 'admin@citoyens.fr', [], 'admin');
    const adminCookie = await login(app(), 'admin@citoyens.fr');
    const invited = await postForm(app(), '/agent/agents', { email: 'nouvel.agent@rosieres.fr', communes: 'rosieres' }, { Cookie: adminCookie });
    expect(invited.status).toBe(303);
    const invitation = await database.db.selectFrom('audit_log').innerJoin('users', 'users.id', 'audit_log.subject_id').select(['audit_log.actor_id', 'audit_log.details']).where('audit_log.action', '=', 'staff.invited').where('users.email', '=', 'nouvel.agent@rosieres.fr').executeTakeFirstOrThrow();
    expect(invitation).toEqual({ actor_id: admin.id, details: { admin: false, communes: ['Rosières'] } });

    const again = await createStaffAccount(database.db, { email: 'nouvel.agent@rosieres.fr', communes: ['rosieres'], admin: false, now: testNow(), invitedBy: admin.id });
    const accepted = await postForm(app(), '/recuperation-mot-de-passe/nouveau', { token: again.token, password: 'Nouvel-Agent-2026!', password_confirmation: 'Nouvel-Agent-2026!' });
    expect(accepted.status).toBe(303);
    const journal = await (await get('/agent/journal?action=staff', adminCookie)).text();
    expect(journal).toContain('Agent invité');
    expect(journal).toContain('Invitation acceptée par l’agent');
    expect(journal).toContain('Communes : Rosières');
    expect(await (await get('/agent/journal', rosieres)).text()).not.toContain('Agent invité');
  });

  it('never runs wider than the screen, at a desk or on a phone: long names and details wrap', async () => {
    const product = await demoProduct(database.db);
    await recordAudit(database.db, { actorId: null, action: 'product.updated', subject: { type: 'product', id: product.id }, details: { before: { description: 'Un-très-long-texte-sans-espace-'.repeat(12) }, after: { description: 'Court' } } });
    const html = await (await get('/agent/journal', rosieres)).text();
    const css = await (await app().request('/static/app.css')).text();
    const browser = await launchBrowser();
    try {
      for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
        const page = await browser.newPage({ viewport, javaScriptEnabled: false });
        await page.setContent(html.replace(/<link[^>]*stylesheet[^>]*>/g, '').replace('</head>', `<style>${css}</style></head>`));
        // The journal's own content (the header's menu is the layout's, folded on a phone apart);
        // the column headings, clipped to nothing on a phone, take no room.
        const wide = await page.evaluate((width) => [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > width && element.checkVisibility() && !element.closest('thead')).map((element) => element.tagName), viewport.width);
        expect(wide).toEqual([]);
        expect(await page.evaluate(() => document.querySelector('main')!.scrollWidth <= document.querySelector('main')!.clientWidth)).toBe(true);
        expect(await page.locator('table.journal').isVisible()).toBe(true);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
