// What the product stops needing: sessions past their end, single-use links used or expired for
// a week (kept that long for support questions), and rate-limit rows whose window is over and
// which lock nothing. Run by the housekeeping schedule.
import type { Db } from '../../connection.ts';
import { SESSION_ABSOLUTE_MS } from '../accounts/index.ts';
import { LOGIN_LOCKOUT } from '../accounts/index.ts';

const LINK_RETENTION_MS = 7 * 24 * 3600_000;

export interface Purged {
  sessions: number;
  links: number;
  rateLimits: number;
}

export async function purgeExpired(db: Db, now: Date): Promise<Purged> {
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('created_at', '<=', new Date(now.getTime() - SESSION_ABSOLUTE_MS))]))
    .executeTakeFirst();
  const linkHorizon = new Date(now.getTime() - LINK_RETENTION_MS);
  const links = await db
    .deleteFrom('one_time_tokens')
    .where((eb) => eb.or([eb('used_at', '<=', linkHorizon), eb('expires_at', '<=', linkHorizon)]))
    .executeTakeFirst();
  // The longest window of any limit is the login lockout's.
  const rateLimits = await db
    .deleteFrom('rate_limits')
    .where('window_start', '<=', new Date(now.getTime() - LOGIN_LOCKOUT.windowMs))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), links: Number(links.numDeletedRows), rateLimits: Number(rateLimits.numDeletedRows) };
}
