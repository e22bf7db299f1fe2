// Validated sessions kept a few seconds in this process, for page reads only. A parent's page
// asks for the session on every request (the page, its htmx fragments, the next step), and on
// opening day that one query was a tenth of the database's statements.
//
// What may be stale, and for how long: a session ended or a user changed by another process is
// still trusted by this one's page reads for at most the cache's time. Every request that changes
// something (POST) reads the database, and afterwards forgets the cached sessions of its user (all
// of them after a staff member's, which may concern any family), so a family never sees its own
// change, nor this process's staff's, late, and a signed-out session opens no page here.
import { LRUCache } from 'lru-cache';
import { hashToken } from '../../lib/tokens.ts';
import type { ValidatedSession } from '../../db/queries/accounts/sessions.ts';

export interface SessionCache {
  get(token: string, now: Date): ValidatedSession | undefined;
  set(token: string, validated: ValidatedSession): void;
  forget(token: string): void;
  forgetUser(userId: number): void;
  forgetAll(): void;
}

export function createSessionCache(seconds: number, max = 20_000): SessionCache | null {
  if (seconds <= 0) return null;
  const byUser = new Map<number, Set<string>>();
  const cache = new LRUCache<string, ValidatedSession>({
    max,
    ttl: seconds * 1000,
    dispose: (validated, key) => {
      const keys = byUser.get(validated.user.id);
      keys?.delete(key);
      if (keys?.size === 0) byUser.delete(validated.user.id);
    },
  });
  // Keyed by the token's hash: the cookie's secret is never kept in memory longer than a request.
  return {
    get(token, now) {
      const validated = cache.get(hashToken(token));
      return validated && validated.session.expiresAt.getTime() > now.getTime() ? { ...validated, renewed: false } : undefined;
    },
    set(token, validated) {
      const key = hashToken(token);
      cache.set(key, validated);
      const keys = byUser.get(validated.user.id) ?? new Set();
      byUser.set(validated.user.id, keys.add(key));
    },
    forget: (token) => void cache.delete(hashToken(token)),
    forgetUser(userId) {
      for (const key of [...(byUser.get(userId) ?? [])]) cache.delete(key);
    },
    forgetAll: () => cache.clear(),
  };
}
