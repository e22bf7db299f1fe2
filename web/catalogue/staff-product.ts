// The product a back-office path names, if it is one of the staff's communes; 403 otherwise (staff
// may know another commune's products exist, not see or change them).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../../db/connection.ts';
import { productInCommunes } from '../../db/queries/tickets/index.ts';
import { staffCommuneIds } from '../../db/queries/accounts/index.ts';
import type { AppEnv } from '../http/env.ts';
import { idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';

export async function staffProduct(db: Db, c: Context<AppEnv>) {
  const product = await productInCommunes(db, idParam(c), await staffCommuneIds(db, currentUser(c)));
  if (!product) throw new HTTPException(403);
  return product;
}
