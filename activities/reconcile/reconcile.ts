// The reconciler's activity: each row whose process should be running (db/queries/reconcile/reconcile.ts)
// gets its workflow started by its id if it never started (Temporal was unreachable when the row
// was written, the web process died between the two). A card refund still waiting for the
// provider's answer is asked again (the same question, never refunded twice). A waiting list whose workflow ended while
// families still wait is woken too (its rounds read the database and mail each family once). A
// family listed in a registration campaign gets its reminders' workflow. A
// closure, an absence or a request whose workflow ended without finishing its row is left to an
// operator: counted and logged, never started again, so that nothing is refunded or mailed twice.
import { log } from '@temporalio/activity';
import type { Db } from '../../db/connection.ts';
import { absenceInput } from '../../db/queries/absences/index.ts';
import { unfinishedProcesses } from '../../db/queries/reconcile/reconcile.ts';
import { parisDate, type IsoDate } from '../../domain/dates.ts';
import type { AbsenceInput } from '../../workflows/absences/index.ts';
import { absenceWorkflowId } from '../../workflows/absences/index.ts';
import { onlineRequestWorkflowId } from '../../workflows/approvals/index.ts';
import { closureWorkflowId } from '../../workflows/closures/index.ts';
import { cardRefundWorkflowId, type CardRefundInput } from '../../workflows/orders/index.ts';
import { registrationWorkflowId } from '../../workflows/registration/index.ts';
import { waitlistWorkflowId } from '../../workflows/waitlist/index.ts';

/** How the worker starts the product's processes: the same starts as the web pages'. */
export interface ProcessStarter {
  status(workflowId: string): Promise<'running' | 'ended' | 'missing'>;
  startClosure(closureId: number): Promise<void>;
  startAbsence(input: AbsenceInput, family: { userId: number; commune: string | null }): Promise<void>;
  startOnlineRequest(requestId: number, family: { userId: number; commune: string | null }): Promise<void>;
  waitlistPlaceFreed(productId: number, day: IsoDate): Promise<unknown>;
  startCardRefund(input: CardRefundInput): Promise<void>;
  startRegistration(campaign: { id: number; opens_on: IsoDate; closes_on: IsoDate; commune: string }, userId: number): Promise<void>;
}

export interface Reconciled {
  closures: number;
  lines: number;
  absences: number;
  requests: number;
  cardRefunds: number;
  registrations: number;
  /** Rows whose workflow ended without finishing them: for an operator. */
  endedUnfinished: number;
  /** Starts that failed (each logged); tried again at the next pass. */
  failed: number;
}

interface Deps {
  db: Db;
  now: () => Date;
  processes?: ProcessStarter | undefined;
}

export function createReconcileActivities({ db, now, processes }: Deps) {
  return {
    async reconcileProcesses(): Promise<Reconciled> {
      if (!processes) throw new Error('The reconciler needs a Temporal client: this worker was built without one');
      const rows = await unfinishedProcesses(db, now(), parisDate(now()));
      const result: Reconciled = { closures: 0, lines: 0, absences: 0, requests: 0, cardRefunds: 0, registrations: 0, endedUnfinished: 0, failed: 0 };
      /**
       * Starts a missing workflow; an ended one is reported by its id (ids name no person). One
       * row that cannot start does not keep the others from starting.
       */
      const reconcile = async (kind: 'closures' | 'lines' | 'absences' | 'requests' | 'cardRefunds' | 'registrations', workflowId: string, start: () => Promise<unknown>, restartWhenEnded = false) => {
        try {
          const status = await processes.status(workflowId);
          if (status === 'running') return;
          if (status === 'ended' && !restartWhenEnded) {
            result.endedUnfinished += 1;
            log.warn('workflow ended, its row unfinished', { workflowId });
            return;
          }
          await start();
          result[kind] += 1;
          log.info('process started by the reconciler', { workflowId });
        } catch (error) {
          result.failed += 1;
          log.error('process not started by the reconciler', { workflowId, reason: error instanceof Error ? error.message : String(error) });
        }
      };
      for (const closureId of rows.closures) await reconcile('closures', closureWorkflowId(closureId), () => processes.startClosure(closureId));
      for (const { productId, day } of rows.lines) await reconcile('lines', waitlistWorkflowId(productId, day), () => processes.waitlistPlaceFreed(productId, day), true);
      for (const absence of rows.absences) {
        await reconcile('absences', absenceWorkflowId(absence.id), () => processes.startAbsence(absenceInput(absence), { userId: absence.userId, commune: null }));
      }
      for (const request of rows.requests) await reconcile('requests', onlineRequestWorkflowId(request.requestId), () => processes.startOnlineRequest(request.requestId, { userId: request.userId, commune: request.commune }));
      // A try asked again asks the provider the same question, which never refunds twice: ended or not, it is started.
      for (const refund of rows.cardRefunds) await reconcile('cardRefunds', cardRefundWorkflowId(refund.cardRefundId), () => processes.startCardRefund(refund), true);
      // A registration's workflow that ended had its campaign closed: nothing to remind any more.
      for (const { campaign, userId } of rows.registrations) {
        await reconcile('registrations', registrationWorkflowId(campaign.id, userId), () => processes.startRegistration(campaign, userId));
      }
      return result;
    },
  };
}
