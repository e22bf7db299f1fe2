// absence (absence-<id>): an absence for illness declared by a parent. It waits for the medical
// certificate (the parent reminded before its day), then for staff's decision; accepted, each
// day's net paid price goes back to the wallet once and the places of days still ahead are freed;
// refused, the parent reads the reason; without a certificate in time, the absence stands
// unjustified and nothing is credited. The parent is mailed at each step. The database decides
// the races (a certificate sent at the last second): the workflow asks it at the due time.
import { condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { AbsenceStatus } from '../../db/absence-tables.ts';
import { certificateReminderAt } from '../../domain/absences.ts';
import { absenceDecided, absenceState, certificateSent, type AbsenceInput, type AbsenceVerdict } from './absence.messages.ts';
import { ProcessStateAttribute } from '../common/search-attributes.ts';
import { placeFreed, waitlistWorkflowId } from '../waitlist/index.ts';
import { workflowNow } from '../common/clock.ts';
import { activityOptions } from '../common/activity-options.ts';

/** Clocks differ a little between the workflow and the database. */
const RECHECK_MS = 60_000;

const acts = proxyActivities<Activities>(activityOptions.longProcess);

export async function absence(input: AbsenceInput): Promise<{ status: AbsenceStatus; creditedCents: number }> {
  const { absenceId } = input;
  const state = { status: 'waiting-certificate' as AbsenceStatus, creditedCents: 0 };
  let certificate = input.certificateSent;
  let decision: { staffId: number; verdict: AbsenceVerdict } | null = null;
  setHandler(absenceState, () => state);
  setHandler(certificateSent, () => {
    certificate = true;
  });
  // A second decision (two staff at once) changes nothing: the first one counts.
  setHandler(absenceDecided, (sent) => {
    decision ??= sent;
  });
  const setStatus = (status: AbsenceStatus) => {
    state.status = status;
    upsertSearchAttributes([{ key: ProcessStateAttribute, value: status }]);
  };
  const until = (instant: Date) => Math.max(0, instant.getTime() - workflowNow());
  const mail = (step: 'declared' | 'reminder' | 'received' | 'accepted' | 'refused' | 'unjustified') => acts.mailAbsenceStep({ absenceId, step });

  setStatus('waiting-certificate');
  await mail('declared');
  if (!certificate) {
    let due = new Date(input.certificateDueAt);
    const reminderIn = until(certificateReminderAt(new Date(input.declaredAt), due));
    // Started late (by the reconciler) past the reminder's time: no reminder of a day gone.
    const reminderGone = reminderIn === 0 && patched('absence-late-start-no-reminder');
    if (!reminderGone && !(await condition(() => certificate, reminderIn))) await mail('reminder');
    while (!(await condition(() => certificate, until(due)))) {
      const status = await acts.closeAbsenceCertificateDelay({ absenceId });
      if (status === 'unjustified') {
        setStatus('unjustified');
        await mail('unjustified');
        return state;
      }
      // Sent at the last second, its signal lost: the database has it.
      if (status !== 'waiting-certificate') break;
      // The database's clock does not see the delay over yet: asked again a little later.
      due = new Date(workflowNow() + RECHECK_MS);
    }
  }
  setStatus('waiting-staff');
  await mail('received');

  await condition(() => decision !== null);
  const { staffId, verdict } = decision!;
  const decided = await acts.decideAbsenceStep({ absenceId, staffId, verdict });
  state.creditedCents = decided.creditedCents;
  // The places freed go to their days' waiting lists at once (a list not running has nobody waiting).
  // Absences decided before this change replay without it; a step run by an older worker names none.
  const freed = (decided as Partial<typeof decided>).freed ?? [];
  if (freed.length > 0 && patched('absence-wakes-waiting-lists')) {
    for (const { productId, day } of freed) {
      await getExternalWorkflowHandle(waitlistWorkflowId(productId, day)).signal(placeFreed).catch(() => undefined);
    }
  }
  setStatus(decided.status);
  await mail(decided.status === 'accepted' ? 'accepted' : 'refused');
  return state;
}
