// Who may call each route, declared by each route module next to its routes. The reliability
// suite (test/reliability/) requests every route of the app's route table as six visitors and
// checks the answers against these declarations, and posts bad input to every form; a route
// without a declaration fails it, so a new page or form cannot be forgotten.

/** Objects a family owns: another family asking for one gets 404, as if it did not exist. */
export type FamilyObject = 'dependant' | 'shared-child' | 'address' | 'document' | 'order' | 'reservation' | 'top-up' | 'family-request' | 'booking-list' | 'absence' | 'waitlist-entry' | 'wallet-receipt';
/** Objects of a commune: staff of another commune get 403 (staff may know they exist). */
export type CommuneObject =
  | 'family'
  | 'pending-account'
  | 'family-document'
  | 'service-request'
  | 'commune-product'
  | 'commune-order'
  | 'commune-request-form'
  | 'commune-request'
  | 'request-document'
  | 'erasure-request'
  | 'commune-absence'
  | 'commune-offer'
  /** A régie: staff of one of its communes may see it. */
  | 'commune-regie'
  /** A reservation of the commune's whose service day is today: its child's fiche sanitaire (another day's: 404). */
  | 'child-health-reservation'
  /** A yearly registration campaign (« dossier unique »). */
  | 'commune-campaign';
/** Public things a route may name. */
export const publicObjects = ['commune', 'category', 'product', 'request-form', 'static-file', 'mail'] as const;
export type PublicObject = (typeof publicObjects)[number];

/** What a POST receives, so that the bad-input suite knows what to send. */
export type Input =
  /** A form shown on this page (a route key), whose fields the suite reads from the HTML;
   * optional when every field may be left empty (clearing a value). */
  | { form: RouteKey; optional?: true }
  /** A form reached only through a mailed link: its fields, as the page names them. */
  | { fields: string[] }
  /** A button: no field of the user's. */
  | 'button'
  /** Sent by another system (the card payment provider), not by a person. */
  | 'provider'
  /** A live check while the user types (htmx): answers a fragment, stores nothing. */
  | 'preview';

export type Access =
  | { who: 'anyone'; object?: PublicObject; input?: Input }
  | { who: 'signed-in'; object?: undefined; input?: Input }
  | { who: 'parent'; object?: FamilyObject | 'product' | 'request-form'; input?: Input }
  | { who: 'staff'; object?: CommuneObject; input?: Input }
  /** Administrators only (all communes): staff accounts, régies' settings. */
  | { who: 'admin'; object?: 'staff-account' | 'commune-regie'; input?: Input };

/** "METHOD /path/:param", the path as registered, without the parameter's pattern. */
export type RouteKey = `${'GET' | 'POST'} /${string}`;
export type AccessTable = Record<RouteKey, Access>;

export const routeKey = (method: string, path: string): string => `${method} ${path.replace(/\{[^/]*\}/g, '')}`;
