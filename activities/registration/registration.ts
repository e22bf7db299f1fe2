// Activities of the registration workflow: the family's reminder, skipped once the family is
// complete (the database is asked, a lost signal changes nothing), and the campaign's summary to
// its staff. Each mail is keyed by campaign, family (or staff member) and step, so each goes once.
import type { Db } from '../../db/connection.ts';
import { campaignById } from '../../db/queries/registration/campaigns.ts';
import { campaignDossier } from '../../db/queries/registration/dossier.ts';
import { campaignStaff, campaignSummary } from '../../db/queries/registration/progress.ts';
import { missingWords } from '../../domain/registration.ts';
import type { RegistrationReminder } from '../../workflows/registration/registration.messages.ts';
import type { createMailActivities } from '../mail/index.ts';
import { registrationMails } from './mails.ts';

interface Deps {
  db: Db;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createRegistrationActivities({ db, publicUrl, mail }: Deps) {
  return {
    /** 'complete': the family completed its dossier, nothing sent. */
    async remindRegistration(input: { campaignId: number; userId: number; reminder: RegistrationReminder }): Promise<'sent' | 'complete'> {
      const [dossier, family] = await Promise.all([
        campaignDossier(db, input.userId, input.campaignId),
        db.selectFrom('users').select(['email', 'first_name']).where('id', '=', input.userId).executeTakeFirst(),
      ]);
      if (!dossier || !family || dossier.completedAt !== null) return 'complete';
      const content = registrationMails.reminder(input.reminder, {
        firstName: family.first_name,
        commune: dossier.commune,
        schoolYear: dossier.schoolYear,
        closesOn: dossier.closesOn,
        whenIncomplete: dossier.whenIncomplete,
        products: dossier.products.map((p) => p.name),
        children: dossier.children.filter((c) => c.confirmedAt === null).map((c) => ({ name: c.firstName, sections: c.missing.map(missingWords) })),
        link: `${publicUrl}/mon-compte/dossier-annuel`,
      });
      await mail.sendMail({ idempotencyKey: `registration-${input.campaignId}-${input.userId}/${input.reminder}`, to: family.email, ...content });
      return 'sent';
    },

    async mailRegistrationSummary(input: { campaignId: number }): Promise<void> {
      const campaign = await campaignById(db, input.campaignId);
      if (!campaign) return;
      const figures = await campaignSummary(db, input.campaignId);
      const content = registrationMails.summary({ commune: campaign.commune, schoolYear: campaign.school_year, ...figures, link: `${publicUrl}/agent/inscriptions/${campaign.id}` });
      for (const staff of await campaignStaff(db, input.campaignId)) {
        await mail.sendMail({ idempotencyKey: `registration-${input.campaignId}/summary/${staff.id}`, to: staff.email, ...content });
      }
    },
  };
}
