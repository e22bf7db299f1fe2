// The daily closing racing a payment: a cash payment lands on the day between the confirmation
// page and « Confirmer »; the closing is refused (the totals confirmed are no longer the day's)
// and nothing is closed, then closes once the régisseur has seen the new figures.
import { describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { addDays, parisInstant } from '../../domain/dates.ts';
import { createParent, createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client, now: testNow });
const day = addDays(testToday(), -1);

/** The confirmation page's hidden fields, as « Confirmer » posts them. */
const hiddenFields = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((match) => [match[1]!, match[2]!.replace(/&amp;/g, '&')]));

describe('a closing racing a payment', () => {
  it('is refused when the day changed after its confirmation page, and closes with the figures seen', async () => {
    const db = database.db;
    const staff = await createStaff(db, 'course@rosieres.fr', ['rosieres']);
    const rosieres = await db.selectFrom('communes').select('id').where('slug', '=', 'rosieres').executeTakeFirstOrThrow();
    const regie = await db.insertInto('regies').values({ name: 'Régie de la course', methods: ['wallet', 'cash'] }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('regie_communes').values({ regie_id: regie.id, commune_id: rosieres.id }).execute();
    await db.insertInto('regie_members').values({ regie_id: regie.id, user_id: staff.id, role: 'regisseur' }).execute();
    const parent = await createParent(db, 'course@example.fr', { status: 'validated', commune: 'rosieres' });
    const cash = (cents: number, key: string) =>
      moveMoney(db, { userId: parent.id, amountCents: cents, kind: 'topup', label: 'Recharge au guichet', idempotencyKey: key, at: parisInstant(day, 10), journal: { to: 'family', kind: 'top-up', method: 'cash', regieId: regie.id } });
    await cash(3000, 'course-1');
    const cookie = await login(app(), 'course@rosieres.fr');
    const path = `/agent/regies/${regie.id}/cloture`;
    const closings = () => db.selectFrom('regie_closings').select(['day', 'totals']).where('regie_id', '=', regie.id).execute();

    // The régisseur counted 30 € with a note for a coin, and sees 30 € in the journal.
    const preview = await postForm(app(), path, { jour: day, compte_especes: '29', note: 'Un euro rendu en trop.' }, { Cookie: cookie });
    expect(preview.status).toBe(200);
    const confirm = hiddenFields(await preview.text());
    // Meanwhile a payment of 10 € lands on the same day.
    await cash(1000, 'course-2');
    const refused = await postForm(app(), path, { ...confirm, confirmation: 'oui' }, { Cookie: cookie });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Les chiffres de la journée ont changé depuis leur affichage');
    expect(await closings()).toEqual([]);

    // Seen again, the new figures are those kept.
    const again = hiddenFields(await (await postForm(app(), path, { jour: day, compte_especes: '39', note: 'Un euro rendu en trop.' }, { Cookie: cookie })).text());
    expect((await postForm(app(), path, { ...again, confirmation: 'oui' }, { Cookie: cookie })).status).toBe(303);
    expect(await closings()).toEqual([{ day, totals: { cash: { journalCents: 4000, checkedCents: 3900 } } }]);
    expect(await booksProblems(db)).toEqual([]);
  });
});
