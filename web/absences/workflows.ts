// The absences' door to Temporal. The certificate and the decision start the workflow if its start
// was lost (Temporal unreachable when the absence was declared): nothing waits on a workflow that
// never ran. Operators find each by its product's commune, read here when the page does not say.
import type { absence } from '../../workflows/absences/absence.ts';
import { absenceDecided, absenceState, absenceWorkflowId, certificateSent, type AbsenceInput, type AbsenceVerdict } from '../../workflows/absences/absence.messages.ts';
import { communeConcerned } from '../../db/queries/catalogue/index.ts';
import { familyAttributes, once, twoSecondsAtMostUntil, type Family, type WorkflowDoor } from '../http/workflow-door.ts';

export function absenceWorkflows({ temporal, taskQueue, db }: WorkflowDoor) {
  /** Who the absence concerns, with its product's commune. */
  const concerned = async (input: AbsenceInput, family: Family) => familyAttributes({ ...family, commune: family.commune ?? (await communeConcerned(db, { absenceId: input.absenceId })) });
  return {
    startAbsence: async (input: AbsenceInput, family: Family) =>
      once(temporal.workflow.start<typeof absence>('absence', { taskQueue, workflowId: absenceWorkflowId(input.absenceId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input], typedSearchAttributes: await concerned(input, family) })),
    absenceCertificateSent: async (input: AbsenceInput, family: Family) =>
      temporal.workflow.signalWithStart<typeof absence, []>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: certificateSent,
        signalArgs: [],
        typedSearchAttributes: await concerned(input, family),
      }),
    /** Staff's decision; answers once the workflow has recorded it (the page then shows it), or after 2 s. */
    decideAbsence: async (input: AbsenceInput, family: Family, decision: { staffId: number; verdict: AbsenceVerdict }) => {
      const handle = await temporal.workflow.signalWithStart<typeof absence, [typeof decision]>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: absenceDecided,
        signalArgs: [decision],
        typedSearchAttributes: await concerned(input, family),
      });
      await twoSecondsAtMostUntil(async () => {
        const state = await handle.query(absenceState).catch(() => null);
        return state !== null && state.status !== 'waiting-staff' && state.status !== 'waiting-certificate';
      });
    },
  };
}
