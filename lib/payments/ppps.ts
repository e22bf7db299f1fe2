// Paybox Direct (PPPS), the server-to-server call that refunds a card payment: a form POST of
// VERSION, TYPE (00014, « remboursement »), SITE, RANG, CLE, NUMQUESTION, MONTANT, DEVISE,
// REFERENCE, NUMAPPEL, NUMTRANS and DATEQ, answered by CODEREPONSE, NUMTRANS, NUMAPPEL and
// COMMENTAIRE (the field names and codes as public Paybox Direct clients use them: Entr'ouvert's
// eopayment, ActiveMerchant's paybox_direct). Pure functions, and a client over a transport the
// caller gives (fetch in production, the sandbox in tests).

/** A Paybox Direct account: the site and rang of the payment form, and the back office's key (CLE). */
export interface PppsAccount {
  site: string;
  rang: string;
  cle: string;
  /** The PPPS address (https://ppps.paybox.com/PPPS.php in production). */
  endpoint: string;
}

export interface RefundRequest {
  /** NUMQUESTION: unique per question; a retry of one try asks the same (see refundQuestion). */
  question: number;
  amountCents: number;
  /** The payment's own reference (PBX_CMD). */
  reference: string;
  /** The payment's call and transaction numbers, returned by its notification (T and S). */
  numAppel: string;
  numTrans: string;
  time: Date;
}

export type RefundAnswer =
  | { outcome: 'refunded'; code: string; numTrans: string; numAppel: string; comment: string }
  | { outcome: 'refused'; code: string; comment: string }
  | { outcome: 'unavailable'; code: string; comment: string };

export const PPPS_VERSION = '00103';
export const PPPS_REFUND = '00014';
/** NUMQUESTION's largest value. */
const MAX_QUESTION = 2147483647;
/** The provider could not be reached or did not answer in time: ask again, the backup host if any. */
const UNAVAILABLE = new Set(['00001', '00097', '00098']);

/** The question of a refund's try: one per try, the same for a retry of it (our idempotency). */
export function refundQuestion(cardRefundId: number, attempt: number): number {
  if (!Number.isSafeInteger(cardRefundId) || cardRefundId <= 0 || !Number.isInteger(attempt) || attempt < 1 || attempt > 99) throw new RangeError(`Question invalide : ${cardRefundId}/${attempt}`);
  return ((cardRefundId * 100 + attempt) % MAX_QUESTION) || MAX_QUESTION;
}

/** DATEQ: the day and time of the question in Paris, as ddmmyyyyhhmmss. */
function dateq(time: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(time)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}${parts.month}${parts.year}${parts.hour}${parts.minute}${parts.second}`;
}

export function buildRefundRequest(account: PppsAccount, request: RefundRequest): [string, string][] {
  if (!Number.isSafeInteger(request.amountCents) || request.amountCents <= 0 || request.amountCents > 9_999_999_999) throw new RangeError(`Montant invalide : ${request.amountCents}`);
  if (!request.numAppel || !request.numTrans) throw new RangeError('NUMAPPEL et NUMTRANS du paiement requis');
  return [
    ['VERSION', PPPS_VERSION],
    ['TYPE', PPPS_REFUND],
    ['SITE', account.site],
    ['RANG', account.rang],
    ['CLE', account.cle],
    ['NUMQUESTION', String(request.question).padStart(10, '0')],
    ['MONTANT', String(request.amountCents).padStart(10, '0')],
    ['DEVISE', '978'],
    ['REFERENCE', request.reference],
    ['NUMAPPEL', request.numAppel],
    ['NUMTRANS', request.numTrans],
    ['DATEQ', dateq(request.time)],
  ];
}

/** The provider's answer, `NAME=value&…` (URL-encoded). */
export function parseRefundAnswer(body: string): RefundAnswer {
  const values = new URLSearchParams(body.trim());
  const code = values.get('CODEREPONSE') ?? '';
  const comment = (values.get('COMMENTAIRE') ?? '').slice(0, 300);
  if (!/^\d{5}$/.test(code)) return { outcome: 'unavailable', code: code.slice(0, 10), comment: comment || 'Réponse illisible du prestataire' };
  if (code === '00000') return { outcome: 'refunded', code, numTrans: values.get('NUMTRANS') ?? '', numAppel: values.get('NUMAPPEL') ?? '', comment };
  if (UNAVAILABLE.has(code)) return { outcome: 'unavailable', code, comment };
  return { outcome: 'refused', code, comment };
}

/** Posts a form and gives back the answer's text. */
export type PppsTransport = (url: string, body: string) => Promise<string>;

/** The provider answers in ISO-8859-1. */
export const httpTransport: PppsTransport = async (url, body) => {
  const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(30_000) });
  if (!answer.ok) throw new Error(`PPPS answered HTTP ${answer.status}`);
  return new TextDecoder('latin1').decode(await answer.arrayBuffer());
};

export function askRefund(transport: PppsTransport, account: PppsAccount, request: RefundRequest): Promise<RefundAnswer> {
  return transport(account.endpoint, new URLSearchParams(buildRefundRequest(account, request)).toString()).then(parseRefundAnswer);
}
