// The staff dashboard: what waits, today's and tomorrow's services with their places, the
// four-week chart with its figures as text; for the staff's communes only.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
// A Tuesday: the Wednesday product runs tomorrow.
const now = () => new Date('2026-12-08T08:00:00Z');
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now });
const get = (path: string, cookie: string) => app().request(path, { headers: { Cookie: cookie } });

let productId: number;

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
  productId = (await demoProduct(database.db)).id;
  await createStaff(database.db, 'agent@rosieres.fr', ['rosieres']);
  await createStaff(database.db, 'agent@aiguilhe.fr', ['aiguilhe']);
  await createParent(database.db, 'attente@example.fr', { commune: 'rosieres', status: 'pending' });
  const family = await bookingFamily(database.db, 'demain@example.fr');
  if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09'], now())).ok) throw new Error('hold refused');
  await payCart(database.db, family.user.id, now());
});

describe('tableau de bord', () => {
  it("is staff's home: what waits, tomorrow's service with its places, and the four weeks' chart with its figures", async () => {
    const cookie = await login(app(), 'agent@rosieres.fr');
    const html = await (await get('/agent', cookie)).text();
    expect(html).toContain('1 compte(s) à valider');
    expect(html).toContain('mercredi 9 décembre 2026');
    expect(html).toMatch(new RegExp(`href="/agent/presences/${productId}\\?jour=2026-12-09">Inscription Accueil Périscolaire \\(mercredis\\) – Rosières</a> : 1 / \\d+ places`));
    expect(html).toContain('<svg');
    expect(html).toContain('role="img"');
    expect(html).toContain('<summary>Les chiffres jour par jour</summary>');
    expect(html).toMatch(/<td>09-12-2026<\/td><td>1<\/td><td>\d+<\/td>/);
    for (const section of ['/agent/presences', '/agent/cuisine', '/agent/fermetures', '/agent/paiements', '/agent/familles']) expect(html).toContain(`href="${section}"`);
    // The parents' cart and top-up are not staff's.
    expect(html).not.toContain('Recharger vos crédits');
    expect(html).not.toContain('id="cart-link"');
  });

  it("shows another commune's staff none of it", async () => {
    const html = await (await get('/agent', await login(app(), 'agent@aiguilhe.fr'))).text();
    expect(html).toContain('0 compte(s) à valider');
    expect(html).not.toContain('Rosières</a>');
  });
});
