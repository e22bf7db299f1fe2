// Régies de recettes: every product belongs to one, every euro that moves is an entry of its
// régie's journal, numbered without gaps per régie, year and series (receipts, refunds apart), and
// the régisseur closes each day. The journal is append-only like the audit log.
import { sql, type Kysely } from 'kysely';

const REGIE_METHODS = ['card', 'payfip-card', 'payfip-sepa', 'wallet', 'cash', 'cheque', 'cesu', 'cheques-vacances', 'transfer'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const methods = sql.join(REGIE_METHODS.map((method) => sql.lit(method)));
  await db.schema
    .createTable('regies')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    // What the founding act allows: the journal refuses any other method.
    .addColumn('methods', sql`text[]`, (col) => col.notNull().check(sql`methods <@ array[${methods}]::text[]`))
    .addColumn('paybox_site', 'text')
    .addColumn('paybox_rang', 'text')
    .addColumn('paybox_identifiant', 'text')
    .addColumn('paybox_hmac_key', 'text')
    .addColumn('payfip_numcli', 'text', (col) => col.check(sql`payfip_numcli ~ '^[0-9]{6}$'`))
    .addColumn('payfip_saisie', 'text', (col) => col.notNull().defaultTo('T').check(sql`payfip_saisie in ('T', 'X', 'W')`))
    // The PES header: the Trésor's post, the collectivity's SIRET, its code and its budget's.
    .addColumn('pes_id_post', 'text')
    .addColumn('pes_id_coll', 'text')
    .addColumn('pes_cod_col', 'text')
    .addColumn('pes_cod_bud', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('regie_communes')
    .addColumn('regie_id', 'bigint', (col) => col.notNull().references('regies.id').onDelete('cascade'))
    .addColumn('commune_id', 'bigint', (col) => col.notNull().references('communes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('regie_communes_pkey', ['regie_id', 'commune_id'])
    .execute();

  await db.schema
    .createTable('regie_members')
    .addColumn('regie_id', 'bigint', (col) => col.notNull().references('regies.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('regisseur', 'suppleant')`))
    .addPrimaryKeyConstraint('regie_members_pkey', ['regie_id', 'user_id'])
    .execute();

  // A régie per commune to start with, holding the commune's products, taking what the platform took.
  await sql`
    insert into regies (name, methods)
    select 'Régie de recettes de ' || name, array['card', 'wallet', 'cash', 'cheque', 'transfer']::text[] from communes order by id`.execute(db);
  await sql`
    insert into regie_communes (regie_id, commune_id)
    select r.id, c.id from communes c join regies r on r.name = 'Régie de recettes de ' || c.name`.execute(db);

  await db.schema.alterTable('products').addColumn('regie_id', 'bigint', (col) => col.references('regies.id')).execute();
  await sql`update products p set regie_id = rc.regie_id from regie_communes rc where rc.commune_id = p.commune_id`.execute(db);
  // A product created without a régie joins its commune's first one, made when it has none.
  await sql`
    create function products_default_regie() returns trigger language plpgsql as $$
    declare
      chosen bigint;
    begin
      if new.regie_id is null then
        select regie_id into chosen from regie_communes where commune_id = new.commune_id order by regie_id limit 1;
        if chosen is null then
          insert into regies (name, methods)
          select 'Régie de recettes de ' || name, array['card', 'wallet', 'cash', 'cheque', 'transfer']::text[] from communes where id = new.commune_id
          returning id into chosen;
          insert into regie_communes (regie_id, commune_id) values (chosen, new.commune_id);
        end if;
        new.regie_id := chosen;
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger products_default_regie before insert on products for each row execute function products_default_regie()`.execute(db);
  // A new commune comes with its régie, so that its families' top-ups have one from the start.
  await sql`
    create function communes_default_regie() returns trigger language plpgsql as $$
    declare
      made bigint;
    begin
      insert into regies (name, methods) values ('Régie de recettes de ' || new.name, array['card', 'wallet', 'cash', 'cheque', 'transfer']::text[])
      on conflict (name) do nothing returning id into made;
      if made is not null then
        insert into regie_communes (regie_id, commune_id) values (made, new.id);
      end if;
      return new;
    end
    $$`.execute(db);
  await sql`create trigger communes_default_regie after insert on communes for each row execute function communes_default_regie()`.execute(db);
  await sql`alter table products alter column regie_id set not null`.execute(db);
  await db.schema.createIndex('products_regie_idx').on('products').column('regie_id').execute();

  // Which provider took a card payment: Paybox, or the DGFiP's PayFiP.
  await db.schema.alterTable('payments').addColumn('provider', 'text', (col) => col.notNull().defaultTo('paybox').check(sql`provider in ('paybox', 'payfip')`)).execute();
  // The régie whose provider account took it (a cart of several régies is paid once, to one).
  await db.schema.alterTable('payments').addColumn('regie_id', 'bigint', (col) => col.references('regies.id')).execute();

  await db.schema
    .createTable('regie_counters')
    .addColumn('regie_id', 'bigint', (col) => col.notNull().references('regies.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('series', 'text', (col) => col.notNull().check(sql`series in ('receipt', 'refund')`))
    .addColumn('last_number', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('regie_counters_pkey', ['regie_id', 'year', 'series'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('regie_id', 'bigint', (col) => col.notNull().references('regies.id'))
    .addColumn('year', 'integer', (col) => col.notNull())
    .addColumn('series', 'text', (col) => col.notNull().check(sql`series in ('receipt', 'refund')`))
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number > 0`))
    // The day of the régie's books it belongs to: never a day already closed.
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method = any(array[${methods}]::text[])`))
    .addColumn('amount_cents', 'integer', (col) => col.notNull().check(sql`amount_cents > 0`))
    // What it did to the families' wallets (signed): their sum over the journal is the wallets' total.
    .addColumn('wallet_cents', 'integer', (col) => col.notNull().defaultTo(0))
    // The payer, named at read time: an erased family's entries point to its anonymised account.
    .addColumn('user_id', 'bigint', (col) => col.references('users.id'))
    .addColumn('product_id', 'bigint', (col) => col.references('products.id'))
    .addColumn('order_id', 'bigint', (col) => col.references('orders.id'))
    .addColumn('payment_id', 'bigint', (col) => col.references('payments.id'))
    .addColumn('wallet_entry_id', 'bigint', (col) => col.references('wallet_entries.id'))
    .addColumn('card_refund_id', 'bigint', (col) => col.references('card_refunds.id'))
    .addColumn('provider_reference', 'text')
    // A cheque's, a CESU's or a chèque vacances' number.
    .addColumn('document_number', 'text')
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('recorded_by', 'bigint', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('journal_entries_number_key', ['regie_id', 'year', 'series', 'number'])
    .execute();
  await db.schema.createIndex('journal_entries_day_idx').on('journal_entries').columns(['regie_id', 'day']).execute();
  await db.schema.createIndex('journal_entries_user_idx').on('journal_entries').column('user_id').execute();
  await db.schema.createIndex('journal_entries_wallet_entry_idx').on('journal_entries').column('wallet_entry_id').execute();
  await db.schema.createIndex('journal_entries_payment_idx').on('journal_entries').column('payment_id').execute();
  await sql`
    create function journal_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'journal_entries is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`create trigger journal_entries_append_only before update or delete or truncate on journal_entries for each statement execute function journal_entries_append_only()`.execute(db);

  await db.schema
    .createTable('regie_closings')
    .addColumn('id', 'bigint', (col) => col.generatedAlwaysAsIdentity().primaryKey())
    .addColumn('regie_id', 'bigint', (col) => col.notNull().references('regies.id'))
    .addColumn('day', 'date', (col) => col.notNull())
    // Per method: the journal's total, what the providers confirmed or the régisseur counted, the difference.
    .addColumn('totals', 'jsonb', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('closed_by', 'bigint', (col) => col.notNull().references('users.id'))
    .addColumn('closed_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('regie_closings_day_key', ['regie_id', 'day'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('regie_closings').execute();
  await sql`drop trigger journal_entries_append_only on journal_entries`.execute(db);
  await sql`drop function journal_entries_append_only()`.execute(db);
  await db.schema.dropTable('journal_entries').execute();
  await db.schema.dropTable('regie_counters').execute();
  await db.schema.alterTable('payments').dropColumn('regie_id').execute();
  await db.schema.alterTable('payments').dropColumn('provider').execute();
  await sql`drop trigger communes_default_regie on communes`.execute(db);
  await sql`drop function communes_default_regie()`.execute(db);
  await sql`drop trigger products_default_regie on products`.execute(db);
  await sql`drop function products_default_regie()`.execute(db);
  await db.schema.alterTable('products').dropColumn('regie_id').execute();
  await db.schema.dropTable('regie_members').execute();
  await db.schema.dropTable('regie_communes').execute();
  await db.schema.dropTable('regies').execute();
}
