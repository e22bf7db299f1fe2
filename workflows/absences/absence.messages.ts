// The absence workflow's messages: the parent sent the certificate, staff decided.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { AbsenceStatus } from '../../db/absence-tables.ts';

export const absenceWorkflowId = (absenceId: number) => `absence-${absenceId}`;

export interface AbsenceInput {
  absenceId: number;
  /** ISO instants, as the declaration recorded them. */
  declaredAt: string;
  certificateDueAt: string;
  /** The certificate came with the declaration. */
  certificateSent: boolean;
}

export type AbsenceVerdict = { accepted: true } | { accepted: false; reason: string };

/** Sent once the certificate is recorded on the absence (db/queries/absences/absences.ts). */
export const certificateSent = defineSignal('certificateSent');
export const absenceDecided = defineSignal<[{ staffId: number; verdict: AbsenceVerdict }]>('absenceDecided');
export const absenceState = defineQuery<{ status: AbsenceStatus; creditedCents: number }>('absenceState');
