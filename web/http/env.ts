// The typed context every handler sees: the signed-in user (or null) and the request ID.
import type { CartSummary } from '../../db/queries/booking/index.ts';
import type { Session } from '../../db/queries/accounts/index.ts';
import type { Order, User } from '../../db/database.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    user: User | null;
    session: Session | null;
    /** The signed-in family's cart, for the header. */
    cart?: CartSummary;
    /** The order of a checkout step, loaded once by the checkout's own middleware. */
    order?: Order;
    /** Replaces the site's Content-Security-Policy for this response. */
    contentSecurityPolicy?: string;
  };
}
