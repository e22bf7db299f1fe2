// The yearly registration's queries on a real database: a campaign opened lists the families who
// booked its products, a child's dossier says what it lacks from the child's file and documents,
// the family confirms each child and is complete once all are, and booking the campaign's school
// year is refused (or priced at the top tier) until then, other products untouched.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../demo/load.ts';
import { placeHolds, productForBooking } from '../booking/booking.ts';
import { createStaff } from '../../../test/helpers/accounts.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart, serviceDaysFrom } from '../../../test/helpers/booking.ts';
import { seasonAheadDay, testNow } from '../../../test/helpers/clock.ts';
import { addDays } from '../../../domain/dates.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { demoCampaign, fillChildFile } from '../../../test/helpers/registration.ts';
import { campaignProgress, incompleteFamilies } from './progress.ts';
import { confirmChild, familyDossiers } from './dossier.ts';
import { createCampaign } from './campaigns.ts';

const database = useTestDatabase();
let staffId = 0;
let days: string[] = [];
const now = testNow();

beforeAll(async () => {
  await loadDemoCatalogue(database.db, seasonAheadDay());
  staffId = (await createStaff(database.db, 'agent-inscriptions@example.fr', ['rosieres'])).id;
  days = await serviceDaysFrom(database.db, 'Matin', seasonAheadDay(), 3);
});

describe('registration campaign', () => {
  it('refuses a product of another commune', async () => {
    const other = await database.db.selectFrom('products').innerJoin('communes', 'communes.id', 'products.commune_id').select('products.id').where('communes.slug', '!=', 'rosieres').executeTakeFirstOrThrow();
    const product = await demoProduct(database.db);
    expect(
      await createCampaign(database.db, { communeId: product.commune_id, schoolYear: '2030-2031', opensOn: days[0]!, closesOn: days[0]!, productIds: [other.id], requiredDocuments: [], whenIncomplete: 'block', staffId, now }),
    ).toBe('foreign-product');
  });

  it('opened, lists the families who booked its products that year; the family confirms each child once nothing lacks, then is complete', async () => {
    const booked = await bookingFamily(database.db, 'inscrite@example.fr', [{ first: 'Léa', birth: addDays(seasonAheadDay(), -9 * 365) }, { first: 'Hugo', birth: addDays(seasonAheadDay(), -7 * 365) }]);
    expect((await holdPlaces(database.db, booked, 'Matin', [days[0]!], now)).ok).toBe(true);
    await payCart(database.db, booked.user.id, now);
    const stranger = await bookingFamily(database.db, 'sans-reservation@example.fr');
    const campaign = await demoCampaign(database.db, { seasonDay: days[0]!, staffId, now, today: days[0]!, documents: ['attestation-assurance'] });
    expect(campaign.families).toEqual([booked.user.id]);

    const later = new Date(now.getTime() + 60_000);
    const [lea, hugo] = booked.dependants;
    // A fiche saved before the opening does not count; Hugo's file is not filled at all.
    await fillChildFile(database.db, lea!.id, campaign.schoolYear, new Date(now.getTime() - 60_000), { authorisations: false });
    const { dossiers: [before] } = await familyDossiers(database.db, { userId: booked.user.id, communeId: booked.user.commune_id }, { asked: null, now: later, today: days[0]! });
    expect(before!.children.map((c) => [c.firstName, c.missing.map((m) => m.kind)])).toEqual([
      ['Léa', ['health', 'authorisations', 'documents']],
      ['Hugo', ['health', 'authorisations', 'emergency-contact', 'documents']],
    ]);
    expect(await confirmChild(database.db, { userId: booked.user.id, campaignId: campaign.id, dependantId: lea!.id, now: later })).toEqual({ ok: false, reason: 'missing' });

    await fillChildFile(database.db, lea!.id, campaign.schoolYear, later, { contact: false });
    await fillChildFile(database.db, hugo!.id, campaign.schoolYear, later);
    await database.db
      .insertInto('documents')
      .values({ owner_id: booked.user.id, kind: 'attestation-assurance', file_name: 'a.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: 'b'.repeat(64), storage_key: 'k-assurance', status: 'accepted', expires_on: null })
      .execute();
    expect(await confirmChild(database.db, { userId: booked.user.id, campaignId: campaign.id, dependantId: lea!.id, now: later })).toEqual({ ok: true, familyCompleted: false, othersCompleted: [] });
    // Another family's child, or a campaign the family is not in: as if it did not exist.
    expect(await confirmChild(database.db, { userId: stranger.user.id, campaignId: campaign.id, dependantId: lea!.id, now: later })).toEqual({ ok: false, reason: 'not-found' });
    expect((await incompleteFamilies(database.db, campaign.id)).map((f) => f.children.map((c) => [c.name, c.missing.map((m) => m.kind), c.confirmed]))).toEqual([[['Léa Pardon', [], true], ['Hugo Pardon', [], false]]]);
    expect(await confirmChild(database.db, { userId: booked.user.id, campaignId: campaign.id, dependantId: hugo!.id, now: later })).toEqual({ ok: true, familyCompleted: true, othersCompleted: [] });
    // Sent twice (two tabs): the family is completed once.
    expect(await confirmChild(database.db, { userId: booked.user.id, campaignId: campaign.id, dependantId: hugo!.id, now: later })).toEqual({ ok: true, familyCompleted: false, othersCompleted: [] });

    // The other family joins by opening its dossier (its commune's campaign).
    const joining = await familyDossiers(database.db, { userId: stranger.user.id, communeId: stranger.user.commune_id }, { asked: null, now: later, today: days[0]! });
    expect(joining.dossiers.map((d) => d.id)).toEqual([campaign.id]);
    expect(joining.joined).toEqual([campaign.id]);
    expect((await familyDossiers(database.db, { userId: stranger.user.id, communeId: stranger.user.commune_id }, { asked: null, now: later, today: days[0]! })).joined).toEqual([]);
    expect(await campaignProgress(database.db, campaign.id, days[0]!)).toEqual([
      { productId: campaign.product.id, label: campaign.product.name, families: 1, complete: 1 },
      { productId: null, label: 'Toutes les familles', families: 2, complete: 1 },
    ]);
    expect((await incompleteFamilies(database.db, campaign.id)).map((f) => f.userId)).toEqual([stranger.user.id]);
  });

  it("lists a family of another commune that asks for the campaign only when one of its products is theirs", async () => {
    const campaign = await demoCampaign(database.db, { seasonDay: days[0]!, staffId, now, today: days[0]! });
    const elsewhere = await database.db.selectFrom('communes').select('id').where('slug', '!=', 'rosieres').executeTakeFirstOrThrow();
    const family = await bookingFamily(database.db, 'autre-commune-dossier@example.fr');
    await database.db.updateTable('users').set({ commune_id: elsewhere.id }).where('id', '=', family.user.id).execute();
    const subscriptions = await database.db.deleteFrom('subscriptions').where('user_id', '=', family.user.id).returningAll().execute();
    const asking = () => familyDossiers(database.db, { userId: family.user.id, communeId: elsewhere.id }, { asked: campaign.id, now, today: days[0]! });
    // Its number typed in the address: nothing of the campaign is the family's, it is not listed.
    expect((await asking()).joined).toEqual([]);
    expect((await incompleteFamilies(database.db, campaign.id)).map((f) => f.userId)).not.toContain(family.user.id);
    // Subscribed to the offer of the campaign's product (a refused booking sent it): listed.
    await database.db.insertInto('subscriptions').values(subscriptions.map(({ id: _id, ...row }) => row)).execute();
    expect(subscriptions.length).toBeGreaterThan(0);
    expect((await asking()).joined).toEqual([campaign.id]);
  });
});

describe('booking under a campaign', () => {
  it('block: the school year’s days are refused until the family is complete', async () => {
    await database.db.deleteFrom('registration_campaign_products').execute();
    const family = await bookingFamily(database.db, 'bloquee@example.fr');
    const otherFamily = await bookingFamily(database.db, 'complete@example.fr');
    const campaign = await demoCampaign(database.db, { seasonDay: days[0]!, staffId, now, today: days[0]! });
    const refused = await holdPlaces(database.db, family, 'Matin', [days[1]!], now);
    expect(refused).toEqual({ ok: false, failures: [{ date: days[1], reason: 'registration', campaignId: campaign.id }] });
    await database.db.insertInto('registration_families').values({ campaign_id: campaign.id, user_id: otherFamily.user.id, joined_at: now, completed_at: now }).execute();
    expect((await holdPlaces(database.db, otherFamily, 'Matin', [days[1]!], now)).ok).toBe(true);
    await database.db.insertInto('registration_families').values({ campaign_id: campaign.id, user_id: family.user.id, joined_at: now, completed_at: now }).execute();
    expect((await holdPlaces(database.db, family, 'Matin', [days[1]!], now)).ok).toBe(true);
  });

  it('top tier: the day is held at the product’s highest tier; a product without campaign keeps its price', async () => {
    await database.db.deleteFrom('registration_campaign_products').execute();
    const product = await demoProduct(database.db);
    await database.db.updateTable('products').set({ pricing: JSON.stringify({ qfTiers: [{ label: 'QF 1', upTo: 600, percent: 50 }, { label: 'QF 2', upTo: null, percent: 100 }] }) }).where('id', '=', product.id).execute();
    const family = await bookingFamily(database.db, 'tarif-haut@example.fr');
    const held = async (who: typeof family, day: string) => {
      const result = await placeHolds(database.db, {
        userId: who.user.id, product: (await productForBooking(database.db, product.id))!, prestationId: product.prestations.find((p) => p.label === 'Matin')!.id,
        children: who.dependants.map((d) => ({ id: d.id })), dates: [day], family: { quotientFamilial: 450, communeId: who.user.commune_id }, now, expiresAt: new Date(now.getTime() + 60_000),
      });
      if (!result.ok) throw new Error('refused');
      return database.db.selectFrom('holds').select(['price_cents', 'price_note']).where('id', '=', result.holdIds[0]!).executeTakeFirstOrThrow();
    };
    const base = product.prestations.find((p) => p.label === 'Matin')!.price_cents;
    expect(await held(family, days[2]!)).toEqual({ price_cents: base / 2, price_note: 'Tarif QF 1' });
    await demoCampaign(database.db, { seasonDay: days[0]!, staffId, now, today: days[0]!, whenIncomplete: 'top-tier' });
    const second = await bookingFamily(database.db, 'tarif-haut-2@example.fr');
    expect(await held(second, days[2]!)).toEqual({ price_cents: base, price_note: 'Tarif QF 2, dossier annuel incomplet' });
  });
});

describe('a child in shared custody', () => {
  /** A child of the first guardian's shared with a second guardian who has no other child. */
  async function shared(tag: string) {
    await database.db.deleteFrom('registration_campaign_products').execute();
    const first = await bookingFamily(database.db, `premier-${tag}@example.fr`);
    const second = await bookingFamily(database.db, `second-${tag}@example.fr`, []);
    const child = first.dependants[0]!;
    await database.db.updateTable('dependants').set({ co_guardian_id: second.user.id }).where('id', '=', child.id).execute();
    const campaign = await demoCampaign(database.db, { seasonDay: days[0]!, staffId, now, today: days[0]! });
    await fillChildFile(database.db, child.id, campaign.schoolYear, new Date(now.getTime() + 60_000));
    const dossiers = (family: typeof first) => familyDossiers(database.db, { userId: family.user.id, communeId: family.user.commune_id }, { asked: null, now, today: days[0]! });
    return { first, second: { user: second.user, dependants: [child] }, child, campaign, dossiers };
  }

  it("confirmed by one guardian completes the other's dossier, who may book the school year's days", async () => {
    const { first, second, child, campaign, dossiers } = await shared('avant');
    await dossiers(first);
    await dossiers(second);
    expect(await holdPlaces(database.db, second, 'Matin', [days[1]!], now)).toEqual({ ok: false, failures: [{ date: days[1], reason: 'registration', campaignId: campaign.id }] });
    expect(await confirmChild(database.db, { userId: first.user.id, campaignId: campaign.id, dependantId: child.id, now })).toEqual({ ok: true, familyCompleted: true, othersCompleted: [second.user.id] });
    expect((await holdPlaces(database.db, second, 'Matin', [days[1]!], now)).ok).toBe(true);
  });

  it('confirmed before the other guardian opens their dossier: it opens complete', async () => {
    const { first, second, child, campaign, dossiers } = await shared('apres');
    await dossiers(first);
    expect(await confirmChild(database.db, { userId: first.user.id, campaignId: campaign.id, dependantId: child.id, now })).toEqual({ ok: true, familyCompleted: true, othersCompleted: [] });
    const opened = await dossiers(second);
    expect(opened.completed).toEqual([campaign.id]);
    expect(opened.dossiers.find((d) => d.id === campaign.id)?.completedAt).toEqual(now);
    expect((await holdPlaces(database.db, second, 'Matin', [days[1]!], now)).ok).toBe(true);
  });
});
