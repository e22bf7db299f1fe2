// The append-only record of staff actions: who did what to which family or object, and with what.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subject: { type: string; id: number };
  details: Record<string, unknown>;
  /** For actions a workflow may retry: the same key is recorded once. */
  idempotencyKey?: string;
}

/** Records the action; false when an entry with the same idempotency key exists already. */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<boolean> {
  const inserted = await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subject.type,
      subject_id: entry.subject.id,
      details: JSON.stringify(entry.details),
      idempotency_key: entry.idempotencyKey ?? null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
