// Activities of the absence workflow (their SQL: db/queries/absences/absences.ts) and the parent's mail at
// each step, keyed by absence and step so that each goes once.
import { absenceView } from '../../db/queries/absences/absence-lists.ts';
import { closeCertificateDelay, decideAbsence } from '../../db/queries/absences/absences.ts';
import type { Db } from '../../db/connection.ts';
import { absenceMails, type AbsenceFacts } from './mails.ts';
import type { AbsenceVerdict } from '../../workflows/absences/absence.messages.ts';
import type { createMailActivities } from '../mail/index.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export type AbsenceStep = 'declared' | 'reminder' | 'received' | 'accepted' | 'refused' | 'unjustified';

export function createAbsenceActivities({ db, now, publicUrl, mail }: Deps) {
  return {
    closeAbsenceCertificateDelay: (input: { absenceId: number }) => closeCertificateDelay(db, input.absenceId, now()),
    decideAbsenceStep: (input: { absenceId: number; staffId: number; verdict: AbsenceVerdict }) => decideAbsence(db, { absenceId: input.absenceId, staffId: input.staffId, decision: input.verdict, now: now() }),

    async mailAbsenceStep(input: { absenceId: number; step: AbsenceStep }): Promise<void> {
      const absence = await absenceView(db, input.absenceId);
      if (!absence) return;
      const facts: AbsenceFacts = {
        firstName: absence.parentFirstName,
        child: absence.child,
        product: absence.product,
        days: absence.days.map((day) => day.date),
        certificateDueAt: absence.certificateDueAt,
        link: `${publicUrl}/mon-compte/absences/${absence.id}`,
      };
      const content =
        input.step === 'accepted' ? absenceMails.accepted(facts, absence.creditedCents)
        : input.step === 'refused' ? absenceMails.refused(facts, absence.refusalReason ?? '')
        : absenceMails[input.step](facts);
      await mail.sendMail({ idempotencyKey: `absence-${absence.id}/${input.step}`, to: absence.email, ...content });
    },
  };
}
