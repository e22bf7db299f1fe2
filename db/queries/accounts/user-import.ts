// Imports the accounts of the old platform from its CSV export. Every imported account must
// choose a new password ("Mot de passe oublié ?"), as the old platform asked of all its users.
// Bad rows are reported with their line number; good rows are imported; a re-run changes nothing.
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../connection.ts';
import type { AccountStatus } from '../../database.ts';

export interface ImportReport {
  imported: number;
  alreadyPresent: number;
  errors: { line: number; message: string }[];
}

const headerAliases: Record<string, string> = {
  email: 'email', 'e-mail': 'email', mail: 'email', courriel: 'email', 'adresse e-mail': 'email',
  prenom: 'first_name', 'prénom': 'first_name', first_name: 'first_name',
  nom: 'last_name', last_name: 'last_name',
  telephone: 'phone', 'téléphone': 'phone', phone: 'phone',
  statut: 'status', status: 'status',
  commune: 'commune',
};

const statusAliases: Record<string, AccountStatus> = {
  '': 'validated', 'validé': 'validated', valide: 'validated', validated: 'validated', actif: 'validated',
  'en attente': 'pending', pending: 'pending',
  'refusé': 'rejected', refuse: 'rejected', rejected: 'rejected',
  suspendu: 'suspended', suspended: 'suspended',
};

const rowSchema = z.object({
  email: z.string().trim().min(1, 'adresse e-mail manquante').max(254, 'adresse e-mail trop longue').pipe(z.email({ error: 'adresse e-mail invalide' })),
  first_name: z.string().trim().max(100, 'prénom trop long').optional().default(''),
  last_name: z.string().trim().max(100, 'nom trop long').optional().default(''),
  phone: z.string().trim().max(30, 'téléphone trop long').optional().default(''),
  status: z.string().trim().toLowerCase().optional().default('').refine((value) => value in statusAliases, 'statut inconnu (validé, en attente, refusé ou suspendu)'),
  commune: z.string().trim().optional().default(''),
});

export async function importUsers(db: Db, csv: string): Promise<ImportReport> {
  const firstLine = csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = parse(csv.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const report: ImportReport = { imported: 0, alreadyPresent: 0, errors: [] };
  const [header, ...rows] = records;
  if (!header) return report;
  const columns = header.record.map((name) => headerAliases[name.trim().toLowerCase()] ?? null);
  if (!columns.includes('email')) {
    report.errors.push({ line: 1, message: "la première ligne doit nommer les colonnes, dont « email »" });
    return report;
  }
  const communes = await db.selectFrom('communes').select(['id', 'slug', 'name']).execute();
  const seen = new Map<string, number>();

  for (const { record, info } of rows) {
    const line = info.lines;
    const values = Object.fromEntries(columns.flatMap((column, index) => (column ? [[column, record[index] ?? '']] : [])));
    const parsed = rowSchema.safeParse(values);
    if (!parsed.success) {
      report.errors.push({ line, message: parsed.error.issues.map((issue) => issue.message).join(', ') });
      continue;
    }
    const row = parsed.data;
    const key = row.email.toLowerCase();
    if (seen.has(key)) {
      report.errors.push({ line, message: `adresse déjà présente à la ligne ${seen.get(key)}` });
      continue;
    }
    seen.set(key, line);
    const commune = row.commune ? communes.find((c) => c.slug === row.commune.toLowerCase() || c.name.toLowerCase() === row.commune.toLowerCase()) : undefined;
    if (row.commune && !commune) {
      report.errors.push({ line, message: `commune inconnue : ${row.commune}` });
      continue;
    }
    const inserted = await db
      .insertInto('users')
      .values({
        email: row.email,
        first_name: row.first_name || null,
        last_name: row.last_name || null,
        phone: row.phone || null,
        status: statusAliases[row.status]!,
        commune_id: commune?.id ?? null,
        role: 'parent',
        password_hash: null,
        must_change_password: true,
      })
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) report.imported += 1;
    else report.alreadyPresent += 1;
  }
  return report;
}
