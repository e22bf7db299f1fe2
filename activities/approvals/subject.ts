// What the approval mechanism needs to know of each thing it approves: how a decision changes
// the database, which mail tells the parent, and which commune's staff to remind.
import type { Db } from '../../db/connection.ts';
import type { ApprovalDecision } from '../../workflows/approvals/approval.messages.ts';
import type { ComposedMail } from '../../lib/mail/compose.ts';

export type DecisionMailKind = ApprovalDecision['kind'] | 'documents-reminder';

export interface ApprovalSubjectHandler<S> {
  /** The id the audit log files the decision under. */
  id(subject: S): number;
  apply(db: Db, subject: S, decision: ApprovalDecision, at: { now: Date; staffId: number }): Promise<void>;
  decisionMail(subject: S, kind: DecisionMailKind, text: string): Promise<{ to: string; mail: ComposedMail }>;
  staffReminder(subject: S): Promise<{ communeId: number | null; mail: ComposedMail }>;
}

export const fullName = (person: { first_name: string | null; last_name: string | null; email: string }) =>
  [person.first_name, person.last_name].filter(Boolean).join(' ') || person.email;
