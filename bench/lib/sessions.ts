// Families signed in before the benchmark, through the project's own session store: logins cost
// tens of milliseconds of CPU by design (argon2) and are not part of opening day's load.
import type { Db } from '../../db/connection.ts';
import { createSession } from '../../db/queries/accounts/sessions.ts';
import { systemClock } from '../../lib/clock.ts';

const now = systemClock();

/** A `session=…` cookie for each of these users. */
export async function signIn(db: Db, userIds: number[]): Promise<string[]> {
  const cookies: string[] = [];
  for (const userId of userIds) cookies.push(`session=${(await createSession(db, userId, now())).token}`);
  return cookies;
}
