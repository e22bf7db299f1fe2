// Recognises the database's refusals that users cause, so handlers can answer them in words.

/** True when PostgreSQL refused a row for breaking the named unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' && pgError.constraint === constraint;
}
