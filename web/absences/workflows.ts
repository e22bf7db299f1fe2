// The absences' door to Temporal. The certificate and the decision start the workflow if its start
// was lost (Temporal unreachable when the absence was declared): nothing waits on a workflow that
// never ran.
import type { absence } from '../../workflows/absences/absence.ts';
import { absenceDecided, absenceState, absenceWorkflowId, certificateSent, type AbsenceInput, type AbsenceVerdict } from '../../workflows/absences/absence.messages.ts';
import { familyAttributes, once, twoSecondsAtMostUntil, type Family, type WorkflowDoor } from '../http/workflow-door.ts';

export function absenceWorkflows({ temporal, taskQueue }: WorkflowDoor) {
  return {
    startAbsence: (input: AbsenceInput, family: Family) =>
      once(temporal.workflow.start<typeof absence>('absence', { taskQueue, workflowId: absenceWorkflowId(input.absenceId), workflowIdReusePolicy: 'REJECT_DUPLICATE', args: [input], typedSearchAttributes: familyAttributes(family) })),
    absenceCertificateSent: (input: AbsenceInput, family: Family) =>
      temporal.workflow.signalWithStart<typeof absence, []>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: certificateSent,
        signalArgs: [],
        typedSearchAttributes: familyAttributes(family),
      }),
    /** Staff's decision; answers once the workflow has recorded it (the page then shows it), or after 2 s. */
    decideAbsence: async (input: AbsenceInput, family: Family, decision: { staffId: number; verdict: AbsenceVerdict }) => {
      const handle = await temporal.workflow.signalWithStart<typeof absence, [typeof decision]>('absence', {
        taskQueue,
        workflowId: absenceWorkflowId(input.absenceId),
        args: [input],
        signal: absenceDecided,
        signalArgs: [decision],
        typedSearchAttributes: familyAttributes(family),
      });
      await twoSecondsAtMostUntil(async () => {
        const state = await handle.query(absenceState).catch(() => null);
        return state !== null && state.status !== 'waiting-staff' && state.status !== 'waiting-certificate';
      });
    },
  };
}
