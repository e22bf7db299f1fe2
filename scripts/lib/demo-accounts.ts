// The demo's logins as `npm start` prints them: every role in every commune, each family with
// what it is doing. Printed only where the demo was loaded.
import type { Db } from '../../db/connection.ts';
import { demoAccounts } from '../../db/demo/data.ts';
import { demoHouseholds } from '../../db/demo/families.ts';
import { existingEmails } from '../../db/demo/targets.ts';
import { referenceCommunes } from '../../db/reference-data.ts';

const communeName = (slug: string | undefined) => referenceCommunes.find((commune) => commune.slug === slug)?.name ?? '';
const roleLabel = { admin: 'admin', staff: 'agent', parent: 'parent' } as const;
const roleOrder = ['admin', 'staff', 'parent'];

export async function demoAccountLines(db: Db): Promise<string[]> {
  const present = await existingEmails(db, [...demoAccounts, ...demoHouseholds].map((account) => account.email));
  const rows = [
    ...demoAccounts.map((account) => ({
      ...account,
      where: account.role === 'admin' ? 'toutes les communes' : communeName(account.communeSlugs[0]),
      story: account.story ?? '',
    })),
    ...demoHouseholds.map((household) => ({ ...household, role: 'parent' as const, where: communeName(household.communeSlug) })),
  ]
    .filter((row) => present.has(row.email.toLowerCase()))
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((row) => row.email.length));
  return [
    '  Comptes de démonstration (adresse, mot de passe, commune) :',
    ...rows.map((row) => `    ${roleLabel[row.role].padEnd(6)} ${row.email.padEnd(width)}  ${row.password.padEnd(22)} ${row.where}${row.story ? ` : ${row.story}` : ''}`),
  ];
}
