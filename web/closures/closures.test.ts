// Fermetures exceptionnelles from the staff page: the form's rules, the commune's scope, and the
// closure carried out by its workflow with its progress shown.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { balance } from '../../db/queries/wallet/wallet.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { closureWorkflowId } from '../../workflows/closures/closure.messages.ts';
import { CommuneAttribute } from '../../workflows/common/search-attributes.ts';

const database = useTestDatabase();
const temporal = useTemporal({ worker: { db: () => database.db, now: () => now() } });
const now = () => new Date('2026-11-27T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let productId: number;
let staff: string;
let outsider: string;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  staff = await login(app(), 'agent@rosieres.fr');
  outsider = await login(app(), 'agent@aiguilhe.fr');
});

describe('fermetures exceptionnelles', () => {
  it('refuses a past day, a reversed range, a missing reason, keeping what was typed', async () => {
    const past = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-11-20', au: '2026-11-20', motif: 'Grève' }, { Cookie: staff });
    expect(past.status).toBe(400);
    expect(await past.text()).toContain('Le premier jour ne peut pas être passé.');
    const reversed = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-16', au: '2026-12-09', motif: 'Grève' }, { Cookie: staff });
    expect(await reversed.text()).toContain('Le dernier jour suit le premier.');
    const noReason = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', precision: 'préavis national' }, { Cookie: staff });
    const html = await noReason.text();
    expect(html).toContain('Choisissez le motif.');
    expect(html).toContain('value="préavis national"');
    expect(await database.db.selectFrom('closures').selectAll().execute()).toEqual([]);
  });

  it("does not let staff close another commune's product, nor see its closures", async () => {
    const refused = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Grève' }, { Cookie: outsider });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Cette activité n&#39;est pas de vos communes.");
    expect(await (await get('/agent/fermetures', outsider)).text()).not.toContain('Inscription Accueil Périscolaire (mercredis) – Rosières');
  });

  it('closes the day: the workflow cancels and refunds, the page shows the progress and the process', async () => {
    const family = await bookingFamily(database.db, 'ferme@example.fr');
    if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], now())).ok) throw new Error('hold refused');
    await payCart(database.db, family.user.id, now());

    const created = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Intempéries', precision: 'alerte neige' }, { Cookie: staff });
    expect(created.status).toBe(303);
    const closure = await database.db.selectFrom('closures').selectAll().executeTakeFirstOrThrow();
    expect(closure.reason).toBe('Intempéries : alerte neige');
    const process = temporal.client.workflow.getHandle(closureWorkflowId(closure.id));
    await process.result();
    // Operators find it in the Temporal UI by its product's commune.
    expect((await process.describe()).typedSearchAttributes.get(CommuneAttribute)).toBe('Rosières');
    expect(await balance(database.db, family.user.id)).toBe(790);
    const html = await (await get('/agent/fermetures?ok=ok', staff)).text();
    expect(html).toContain('Terminée : 1 réservation(s) annulée(s)');
    expect(html).toContain(`http://localhost:8233/namespaces/default/workflows/closure-${closure.id}`);
    expect(html).toContain('le 09-12-2026');

    // The same form sent again (a double click, the browser's « renvoyer »): nothing more happens, and it says so.
    const replayed = await postForm(app(), '/agent/fermetures', { produit: String(productId), du: '2026-12-09', au: '2026-12-09', motif: 'Intempéries', precision: 'alerte neige' }, { Cookie: staff });
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('Ces jours sont déjà fermés pour cette activité');
    expect(await database.db.selectFrom('closures').select('id').execute()).toHaveLength(1);
  });
});
