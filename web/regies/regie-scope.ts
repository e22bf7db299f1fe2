// The régie a path names, for its staff: staff of another commune get 403 (they may know it
// exists), a régie that does not exist 404.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../../db/connection.ts';
import { regieDetail, regieVisibleTo, type RegieDetail } from '../../db/queries/regies/regie-settings.ts';
import type { AppEnv } from '../http/env.ts';
import { currentUser } from '../middleware/guards.ts';

export async function visibleRegie(db: Db, c: Context<AppEnv>, regieId: number): Promise<RegieDetail> {
  const visible = await regieVisibleTo(db, regieId, currentUser(c));
  if (visible === 'forbidden') throw new HTTPException(403);
  const regie = visible === 'visible' ? await regieDetail(db, regieId) : null;
  if (!regie) throw new HTTPException(404);
  return regie;
}
