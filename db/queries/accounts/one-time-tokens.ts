// Single-use links (sign-up, password reset, staff invitation). Only the SHA-256 of the token
// is stored; using a token marks it used in the same statement, so two clicks cannot both succeed.
import { hashToken, randomToken } from '../../../lib/tokens.ts';
import type { Db } from '../../connection.ts';
import type { TokenPurpose } from '../../database.ts';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  signup: 24 * 3600 * 1000,
  'password-reset': 3600 * 1000,
  invitation: 72 * 3600 * 1000,
  'email-change': 24 * 3600 * 1000,
};

export async function issueToken(
  db: Db,
  input: { purpose: TokenPurpose; email: string; userId?: number | null; now: Date },
): Promise<{ id: number; token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + TOKEN_LIFETIME_MS[input.purpose]);
  const { id } = await db
    .insertInto('one_time_tokens')
    .values({ purpose: input.purpose, email: input.email, user_id: input.userId ?? null, token_hash: hashToken(token), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, token, expiresAt };
}

export interface TokenGrant {
  id: number;
  purpose: TokenPurpose;
  email: string;
  userId: number | null;
}

/** The token's grant if it is valid now, without using it (to show the form behind a link). */
export async function peekToken(db: Db, purposes: TokenPurpose[], token: string, now: Date): Promise<TokenGrant | null> {
  if (token.length === 0 || token.length > 64) return null;
  const row = await db
    .selectFrom('one_time_tokens')
    .select(['id', 'purpose', 'email', 'user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? { id: row.id, purpose: row.purpose, email: row.email, userId: row.user_id } : null;
}

/**
 * Spends every outstanding link that could set the user's password (reset, invitation, e-mail
 * change): once the password changed, an older link in a mailbox must open nothing.
 */
export async function revokePasswordLinks(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', 'in', ['password-reset', 'invitation', 'email-change'])
    .where('used_at', 'is', null)
    .execute();
}

/** Uses the token: returns its grant once, null ever after or when expired. */
export async function consumeToken(db: Db, purposes: TokenPurpose[], token: string, now: Date): Promise<TokenGrant | null> {
  if (token.length === 0 || token.length > 64) return null;
  const row = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['id', 'purpose', 'email', 'user_id'])
    .executeTakeFirst();
  return row ? { id: row.id, purpose: row.purpose, email: row.email, userId: row.user_id } : null;
}
