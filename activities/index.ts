// Builds every activity from its dependencies. Workflows import only the `Activities` type.
import type { Db } from '../db/connection.ts';
import { createAbsenceActivities } from './absences/index.ts';
import { createApprovalActivities } from './approvals/index.ts';
import { createHoldActivities } from './booking/index.ts';
import { createClosureActivities } from './closures/index.ts';
import { createDocumentActivities } from './documents/index.ts';
import { createErasureActivities } from './personal-data/index.ts';
import { createHousekeepingActivities } from './housekeeping/index.ts';
import type { DocumentStore } from '../lib/documents/store.ts';
import type { Mailer } from '../lib/mail/mailer.ts';
import { createMailActivities } from './mail/index.ts';
import { createInterruptedOrderActivities } from './orders/index.ts';
import { createCardRefundActivities, createOrderActivities } from './orders/index.ts';
import type { CardRefunds } from '../lib/payments/card-refunds.ts';
import { createTopUpActivities } from './wallet/index.ts';
import { createPayfipActivities } from './payments/index.ts';
import type { PayfipService } from '../lib/payments/payfip.ts';
import { createReconcileActivities, type ProcessStarter } from './reconcile/index.ts';
import { createRegieActivities } from './regies/index.ts';
import { createRegistrationActivities } from './registration/index.ts';
import { createWaitlistActivities } from './waitlist/index.ts';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
  /** Injected so tests can move time; activities never read the host clock directly. */
  now: () => Date;
  /** Where links in mails point. */
  publicUrl: string;
  /** The families' files: the erasure removes them. */
  documents: DocumentStore;
  /** Starts the product's processes (the reconciler); a worker built without a client has none. */
  processes?: ProcessStarter | undefined;
  /** PayFiP's web service (lib/payments/payfip.ts); without it, PayFiP payments fail as refused. */
  payfip?: PayfipService | undefined;
  /** Who refunds card payments at the provider; without it every refund asked is refused, saying so. */
  refunds?: CardRefunds | undefined;
}

export function createActivities(deps: ActivityDeps) {
  const mail = createMailActivities(deps);
  return {
    ...mail,
    ...createApprovalActivities({ ...deps, mail }),
    ...createHoldActivities(deps),
    ...createTopUpActivities(deps),
    ...createPayfipActivities(deps),
    ...createOrderActivities({ ...deps, mail }),
    ...createInterruptedOrderActivities(deps),
    ...createCardRefundActivities(deps),
    ...createHousekeepingActivities(deps),
    ...createClosureActivities({ ...deps, mail }),
    ...createDocumentActivities({ ...deps, mail }),
    ...createErasureActivities({ ...deps, mail }),
    ...createAbsenceActivities({ ...deps, mail }),
    ...createWaitlistActivities({ ...deps, mail }),
    ...createReconcileActivities(deps),
    ...createRegieActivities({ ...deps, mail }),
    ...createRegistrationActivities({ ...deps, mail }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
