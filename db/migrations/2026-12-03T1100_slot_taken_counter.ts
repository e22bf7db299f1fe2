// Each slot counts its places taken, kept by triggers whatever path changes a hold or a
// reservation. A cart then takes its places with one conditional update per day, done by the
// insert of its holds, instead of locking the day's row across several statements: on opening
// day every family booking that day queued for that lock.
//
// What is counted: a hold while held, then (once confirmed) its reservation until cancelled; a
// confirmed hold hands its place to its reservation, inserted in the same transaction, so
// neither touches the count. A hold past its expiry still counts until something expires it:
// the cart expires those of a day that looks full before refusing it, and the calendar adds them
// back to the places it shows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('slots').addColumn('taken', 'integer', (col) => col.notNull().defaultTo(0).check(sql`taken >= 0`)).execute();
  await sql`
    update slots set taken = (select count(*) from holds where holds.slot_id = slots.id and holds.state = 'held')
      + (select count(*) from reservations where reservations.slot_id = slots.id and reservations.state = 'confirmed')
  `.execute(db);

  // A held place is taken only if the day has room: the insert of a hold fails otherwise, with
  // its own SQLSTATE and the day in the detail. A hold confirmed after it expired (a paid order
  // is honoured) takes its place back without that check, as before.
  await sql`
    create function slots_count_hold() returns trigger language plpgsql as $$
    declare
      before_taken int := case when tg_op = 'INSERT' then 0 when old.state in ('held', 'confirmed') then 1 else 0 end;
      after_taken int := case when tg_op = 'DELETE' then 0 when new.state in ('held', 'confirmed') then 1 else 0 end;
    begin
      if tg_op = 'DELETE' and old.state = 'confirmed' then
        before_taken := 0; -- its reservation, deleted first, gave the place back
      end if;
      if tg_op = 'INSERT' and new.state = 'held' then
        update slots set taken = taken + 1 where id = new.slot_id and taken < capacity;
        if not found then
          raise exception 'slot % is full', new.slot_id using errcode = 'PC001', detail = new.service_date::text;
        end if;
      elsif after_taken <> before_taken then
        update slots set taken = taken + after_taken - before_taken where id = coalesce(new.slot_id, old.slot_id);
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`create trigger holds_count_taken after insert or update of state or delete on holds for each row execute function slots_count_hold()`.execute(db);

  await sql`
    create function slots_count_reservation() returns trigger language plpgsql as $$
    declare
      before_taken int := case when tg_op in ('UPDATE', 'DELETE') and old.state = 'confirmed' then 1 else 0 end;
      after_taken int := case when tg_op = 'UPDATE' and new.state = 'confirmed' then 1 else 0 end;
    begin
      -- Inserted with its hold's place (already counted); cancelled or deleted, it gives it back.
      if after_taken <> before_taken then
        update slots set taken = taken + after_taken - before_taken where id = coalesce(new.slot_id, old.slot_id);
      end if;
      return null;
    end $$
  `.execute(db);
  await sql`create trigger reservations_count_taken after update of state or delete on reservations for each row execute function slots_count_reservation()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger reservations_count_taken on reservations`.execute(db);
  await sql`drop function slots_count_reservation()`.execute(db);
  await sql`drop trigger holds_count_taken on holds`.execute(db);
  await sql`drop function slots_count_hold()`.execute(db);
  await db.schema.alterTable('slots').dropColumn('taken').execute();
}
