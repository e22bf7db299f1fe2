// The hand-written schema types (database.ts) against the migrated database: the same tables, the
// same columns, and a column may be null in the types exactly when it may be null in PostgreSQL.
// Kysely trusts the types; this test is what keeps them true.
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/helpers/database.ts';

const database = useTestDatabase();

/** Each table of the `Database` interface with its columns and whether each admits null. */
async function declaredSchema(): Promise<Record<string, Record<string, boolean>>> {
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeNode>();
  for (const name of ['database.ts', 'back-office-tables.ts', 'request-tables.ts', 'family-tables.ts', 'order-tables.ts', 'absence-tables.ts', 'waitlist-tables.ts', 'regie-tables.ts', 'money-tables.ts', 'child-file-tables.ts', 'registration-tables.ts', 'guardian-tables.ts']) {
    const source = ts.createSourceFile(name, await readFile(new URL(`./${name}`, import.meta.url), 'utf8'), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
    });
  }
  const text = (node: ts.Node) => node.getText(node.getSourceFile());
  // A column admits null when null appears in its type, through aliases such as `Timestamp | null`.
  const admitsNull = (type: ts.TypeNode): boolean => {
    if (type.kind === ts.SyntaxKind.LiteralType && (type as ts.LiteralTypeNode).literal.kind === ts.SyntaxKind.NullKeyword) return true;
    if (ts.isUnionTypeNode(type)) return type.types.some(admitsNull);
    if (ts.isTypeReferenceNode(type)) {
      const name = text(type.typeName);
      if (name === 'ColumnType' || name === 'Generated') return admitsNull(type.typeArguments![0]!);
      const alias = aliases.get(name);
      return alias ? admitsNull(alias) : false;
    }
    return false;
  };
  const schema: Record<string, Record<string, boolean>> = {};
  for (const member of interfaces.get('Database')!.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = interfaces.get(text(member.type.typeName))!;
    schema[text(member.name)] = Object.fromEntries(
      table.members.filter(ts.isPropertySignature).map((column) => [text(column.name), admitsNull(column.type!)]),
    );
  }
  return schema;
}

async function migratedSchema(): Promise<Record<string, Record<string, boolean>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
    select c.table_name, c.column_name, c.is_nullable
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and c.table_name not like 'kysely_%'`.execute(database.db);
  const schema: Record<string, Record<string, boolean>> = {};
  for (const row of rows) (schema[row.table_name] ??= {})[row.column_name] = row.is_nullable === 'YES';
  return schema;
}

describe('schema types', () => {
  it('match the migrated database: tables, columns and nullability', async () => {
    expect(await declaredSchema()).toEqual(await migratedSchema());
  });
});
