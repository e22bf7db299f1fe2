// The registration workflow's activities on a real database: the family's reminder names each
// child's sections to complete and never a health detail, goes once per step and not at all once
// the family is complete; the summary goes once to each of the commune's staff.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createMailActivities } from '../mail/send-mail.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { bookingFamily, serviceDaysFrom } from '../../test/helpers/booking.ts';
import { seasonAheadDay, testNow } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { demoCampaign, fillChildFile } from '../../test/helpers/registration.ts';
import { createRegistrationActivities } from './registration.ts';

const database = useTestDatabase();
const now = testNow();
let activities: ReturnType<typeof createRegistrationActivities>;
let staffId = 0;
let day = '';

beforeAll(async () => {
  await loadDemoCatalogue(database.db, seasonAheadDay());
  staffId = (await createStaff(database.db, 'agent-rappels@example.fr', ['rosieres'])).id;
  await createStaff(database.db, 'agent-ailleurs@example.fr', ['aiguilhe']);
  day = (await serviceDaysFrom(database.db, 'Matin', seasonAheadDay(), 1))[0]!;
  const mail = createMailActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now: () => now });
  activities = createRegistrationActivities({ db: database.db, publicUrl: 'http://localhost', mail });
});

const mails = (key: string) => database.db.selectFrom('outbox_mails').select(['recipient', 'subject', 'text_body']).where('idempotency_key', 'like', key).orderBy('id').execute();

describe('registration activities', () => {
  it('reminds the family once per step, naming what each child lacks without any health detail, and not once complete', async () => {
    const family = await bookingFamily(database.db, 'rappel-dossier@example.fr', [{ first: 'Léa', birth: '2018-03-01' }]);
    const campaign = await demoCampaign(database.db, { seasonDay: day, staffId, now, today: day });
    await database.db.insertInto('registration_families').values({ campaign_id: campaign.id, user_id: family.user.id, joined_at: now }).execute();
    await fillChildFile(database.db, family.dependants[0]!.id, campaign.schoolYear, new Date(now.getTime() - 60_000), { contact: false });
    const input = { campaignId: campaign.id, userId: family.user.id, reminder: 'opening' as const };
    expect(await activities.remindRegistration(input)).toBe('sent');
    expect(await activities.remindRegistration(input)).toBe('sent');
    const sent = await mails(`registration-${campaign.id}-${family.user.id}/%`);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe(`Votre dossier annuel ${campaign.schoolYear} est ouvert`);
    expect(sent[0]!.text_body).toContain('Léa : fiche sanitaire à relire et enregistrer, une personne à prévenir en cas d’urgence à ajouter.');
    expect(sent[0]!.text_body).not.toContain('Arachide');

    await database.db.updateTable('registration_families').set({ completed_at: now }).where('user_id', '=', family.user.id).execute();
    expect(await activities.remindRegistration({ ...input, reminder: 'day-before' })).toBe('complete');
    expect(await mails(`registration-${campaign.id}-${family.user.id}/%`)).toHaveLength(1);
  });

  it('sends the summary once to each of the commune’s staff', async () => {
    const campaign = await demoCampaign(database.db, { seasonDay: day, staffId, now, today: day });
    await activities.mailRegistrationSummary({ campaignId: campaign.id });
    await activities.mailRegistrationSummary({ campaignId: campaign.id });
    const sent = await mails(`registration-${campaign.id}/summary/%`);
    // Rosières' staff (the demo's agent and this test's), not Aiguilhe's.
    expect(sent.map((m) => m.recipient).sort()).toEqual(['agent-rappels@example.fr', 'agent.rosieres@citoyens.localhost']);
    expect(sent[0]!.text_body).toContain(`/agent/inscriptions/${campaign.id}`);
  });
});
