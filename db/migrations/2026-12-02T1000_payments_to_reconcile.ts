// A card payment the provider answered "00015" (payment already made) for: no money is known to
// have been taken for it, so it confirms nothing and waits for staff to reconcile it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop constraint payments_state_check`.execute(db);
  await sql`alter table payments add constraint payments_state_check check (state in ('pending', 'paid', 'refused', 'cancelled', 'expired', 'to-reconcile'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table payments drop constraint payments_state_check`.execute(db);
  await sql`alter table payments add constraint payments_state_check check (state in ('pending', 'paid', 'refused', 'cancelled', 'expired'))`.execute(db);
}
