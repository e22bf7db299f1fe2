// The rows whose process should be running: a closure still closing its days, a waiting list with
// families in it, an absence or an online request waiting for someone. Read by the reconciler
// (activities/reconcile/), which starts any whose workflow never started. Only rows older than
// `before`: a row just written has its start still in flight.
import type { IsoDate } from '../../domain/dates.ts';
import type { Db } from '../connection.ts';

export interface UnfinishedProcesses {
  closures: number[];
  lines: { productId: number; day: IsoDate }[];
  absences: { absenceId: number; userId: number; declaredAt: Date; certificateDueAt: Date; certificateSent: boolean }[];
  requests: { requestId: number; userId: number; commune: string }[];
}

export async function unfinishedProcesses(db: Db, before: Date): Promise<UnfinishedProcesses> {
  const [closures, lines, absences, requests] = await Promise.all([
    db.selectFrom('closures').select('id').where('state', '=', 'running').where('created_at', '<', before).orderBy('id').execute(),
    db
      .selectFrom('waitlist_entries')
      .select(['product_id as productId', 'service_date as day'])
      .where('status', 'in', ['waiting', 'offered'])
      .where('joined_at', '<', before)
      .groupBy(['product_id', 'service_date'])
      .orderBy('service_date')
      .orderBy('product_id')
      .execute(),
    db
      .selectFrom('absences')
      .select(['id as absenceId', 'user_id as userId', 'declared_at as declaredAt', 'certificate_due_at as certificateDueAt', 'certificate_id'])
      .where('status', 'in', ['waiting-certificate', 'waiting-staff'])
      .where('declared_at', '<', before)
      .orderBy('id')
      .execute(),
    // A request staff asked more of went through its workflow: only one never started waits for staff.
    db
      .selectFrom('online_requests')
      .innerJoin('request_forms', 'request_forms.id', 'online_requests.form_id')
      .innerJoin('communes', 'communes.id', 'request_forms.commune_id')
      .select(['online_requests.id as requestId', 'online_requests.user_id as userId', 'communes.slug as commune'])
      .where('online_requests.status', '=', 'waiting-staff')
      .where('online_requests.created_at', '<', before)
      .orderBy('online_requests.id')
      .execute(),
  ]);
  return {
    closures: closures.map((row) => row.id),
    lines,
    absences: absences.map(({ certificate_id, ...absence }) => ({ ...absence, certificateSent: certificate_id !== null })),
    requests,
  };
}
