// Activities of the approval mechanism (accountValidation, subscriptionApproval, onlineRequest):
// record a staff decision once (the audit log's key guards the retries), mail the parent, remind
// staff.
import { staffToRemind } from '../../db/queries/approvals/approvals.ts';
import { recordAudit } from '../../db/queries/staff/index.ts';
import type { Db } from '../../db/connection.ts';
import type { ApprovalDecision, ApprovalSubject } from '../../workflows/approvals/approval.messages.ts';
import type { createMailActivities } from '../mail/index.ts';
import { accountSubject } from './account-subject.ts';
import type { ApprovalSubjectHandler, DecisionMailKind } from './subject.ts';
import { requestSubject } from './request-subject.ts';
import { subscriptionSubject } from './subscription-subject.ts';

interface Deps {
  db: Db;
  now: () => Date;
  publicUrl: string;
  mail: ReturnType<typeof createMailActivities>;
}

export function createApprovalActivities({ db, now, publicUrl, mail }: Deps) {
  const handlers = { account: accountSubject({ db, publicUrl }), subscription: subscriptionSubject({ db, publicUrl }), request: requestSubject({ db, publicUrl }) };
  const handlerOf = (subject: ApprovalSubject) => handlers[subject.kind] as ApprovalSubjectHandler<ApprovalSubject>;

  return {
    async recordDecision(input: { key: string; subject: ApprovalSubject; staffId: number; decision: ApprovalDecision }): Promise<void> {
      const handler = handlerOf(input.subject);
      await db.transaction().execute(async (trx) => {
        const logged = await recordAudit(trx, {
          idempotencyKey: input.key,
          actorId: input.staffId,
          action: `${input.subject.kind}.${input.decision.kind}`,
          subject: { type: input.subject.kind, id: handler.id(input.subject) },
          details: input.decision,
        });
        if (logged) await handler.apply(trx, input.subject, input.decision, { now: now(), staffId: input.staffId });
      });
    },

    async sendDecisionMail(input: { key: string; subject: ApprovalSubject; kind: DecisionMailKind; text: string | null }): Promise<void> {
      const { to, mail: content } = await handlerOf(input.subject).decisionMail(input.subject, input.kind, input.text ?? '');
      await mail.sendMail({ idempotencyKey: input.key, to, ...content });
    },

    /** Mails every staff member of the subject's commune (the admins when it has none). */
    async remindStaff(input: { key: string; subject: ApprovalSubject }): Promise<number> {
      const { communeId, mail: content } = await handlerOf(input.subject).staffReminder(input.subject);
      const recipients = await staffToRemind(db, communeId);
      for (const recipient of recipients) {
        await mail.sendMail({ idempotencyKey: `${input.key}/${recipient.id}`, to: recipient.email, ...content });
      }
      return recipients.length;
    },
  };
}
