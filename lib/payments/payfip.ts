// PayFiP, the DGFiP's payment service, through its SOAP 1.1 web service as Entr'ouvert's eopayment
// (`payfip_ws`) calls it: `creerPaiementSecurise` gives an operation id (idOp) for the payer's
// trip to the payment page, `recupererDetailPaiementSecurise` says how it ended. Nothing the
// browser or the notification brings is trusted: the outcome is always asked here.
//
// No XML library is among the project's dependencies: the envelopes are written with escaped
// strings, and the answers, whose elements the service's WSDL fixes, are read by their local
// names whatever their namespace prefix (readElement below).

/** The service's own namespace: the operations' elements are in it, their `arg0` fields unqualified. */
export const PAYFIP_SERVICE_NS = 'http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService';
const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** The DGFiP's addresses, when the configuration names no other (lib/payments/payfip-config.ts). */
export const PAYFIP_SERVICE_URL = 'https://www.payfip.gouv.fr/tpa/services/securite';
export const PAYFIP_PAYMENT_URL = 'https://www.payfip.gouv.fr/tpa/paiementws.web';

/** T: test, X: activation (real cards, the régie's acceptance), W: production. */
export type PayfipSaisie = 'T' | 'X' | 'W';

export interface PayfipPaymentRequest {
  /** The régie's 6-digit client number. */
  numcli: string;
  saisie: PayfipSaisie;
  /** The budget year. */
  exer: number;
  /** Our reference, 1 to 30 letters and digits (refdetOf). */
  refdet: string;
  montantCents: number;
  /** The payer's e-mail, 6 to 80 characters. */
  mel: string;
  urlnotif: string;
  urlredirect: string;
  /** What is paid, in [A-Za-z0-9 ] (normalizeObjet). */
  objet: string;
}

/** resultrans: P paid by card, V paid by SEPA direct debit, R refused card, Z refused debit, A abandoned. */
export type Resultrans = 'P' | 'V' | 'R' | 'Z' | 'A';

export interface PayfipDetail {
  resultrans: Resultrans;
  idOp: string;
  refdet: string;
  montantCents: number;
  numcli: string;
  exer: string;
  saisie: string;
  /** The bank's authorisation number (card payments). */
  numauto: string;
  /** DDMMYYYY and HHMM, as the service writes them. */
  dattrans: string;
  heurtrans: string;
}

/** What the detail call says: a result, still in progress (P5, about 15 minutes), or purged (P1, overnight). */
export type PayfipStatus = { kind: 'result'; detail: PayfipDetail } | { kind: 'in-progress' } | { kind: 'purged' };

/** A functional error of the service (its `FonctionnelleErreur` fault), or a broken exchange. */
export class PayfipError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`PayFiP ${code}: ${message}`);
    this.name = 'PayfipError';
  }
}

const REFDET = /^[A-Za-z0-9]{1,30}$/;
const NUMCLI = /^\d{6}$/;

/** Our payment reference as PayFiP takes it: its letters and digits, the random end kept when it must be cut. */
export function refdetOf(reference: string): string {
  const kept = reference.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  return kept.slice(-30);
}

/** The object of the payment in PayFiP's alphabet: accents dropped, punctuation as spaces, 100 characters. */
export function normalizeObjet(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’-]/g, ' ')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100)
    .trim();
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function envelope(operation: string, fields: [string, string][]): string {
  const arg = fields.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV_NS}" xmlns:pai="${PAYFIP_SERVICE_NS}">` +
    `<soapenv:Header/><soapenv:Body><pai:${operation}><arg0>${arg}</arg0></pai:${operation}></soapenv:Body></soapenv:Envelope>`
  );
}

/** Refuses, before any call, what the service would refuse. */
export function checkPaymentRequest(request: PayfipPaymentRequest): void {
  if (!NUMCLI.test(request.numcli)) throw new PayfipError('numcli', 'the client number must be 6 digits');
  if (!['T', 'X', 'W'].includes(request.saisie)) throw new PayfipError('saisie', 'saisie must be T, X or W');
  if (!REFDET.test(request.refdet)) throw new PayfipError('refdet', 'refdet must be 1 to 30 letters or digits');
  // 1 € to 100,000 €: the bounds eopayment applies for PayFiP.
  if (!Number.isSafeInteger(request.montantCents) || request.montantCents < 100 || request.montantCents > 10_000_000) throw new PayfipError('montant', 'the amount must be whole cents, from 1 € to 100,000 €');
  if (request.mel.length < 6 || request.mel.length > 80 || !request.mel.includes('@')) throw new PayfipError('mel', 'the e-mail must have 6 to 80 characters');
  if (!/^[A-Za-z0-9 ]{0,100}$/.test(request.objet)) throw new PayfipError('objet', 'objet must be up to 100 of [A-Za-z0-9 ]');
  if (!Number.isInteger(request.exer) || request.exer < 2000 || request.exer > 9999) throw new PayfipError('exer', 'exer must be a year');
}

/** The `creerPaiementSecurise` envelope, its fields in the WSDL's order. */
export function creerPaiementSecuriseEnvelope(request: PayfipPaymentRequest): string {
  checkPaymentRequest(request);
  return envelope('creerPaiementSecurise', [
    ['exer', String(request.exer)],
    ['mel', request.mel],
    ['montant', String(request.montantCents)],
    ['numcli', request.numcli],
    ...(request.objet ? ([['objet', request.objet]] as [string, string][]) : []),
    ['refdet', request.refdet],
    ['saisie', request.saisie],
    ['urlnotif', request.urlnotif],
    ['urlredirect', request.urlredirect],
  ]);
}

export function recupererDetailPaiementSecuriseEnvelope(idOp: string): string {
  return envelope('recupererDetailPaiementSecurise', [['idOp', idOp]]);
}

const decodeEntities = (text: string) =>
  text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => data.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The content of the first element of this local name, whatever its prefix (`<idOp>`,
 * `<ns3:idOp xmlns:ns3="…">`), raw (entities kept); '' for an empty one, null when absent.
 */
export function readRawElement(xml: string, localName: string): string | null {
  const open = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?:\\s[^>]*)?(/?)>`);
  const start = open.exec(xml);
  if (!start) return null;
  if (start[1] === '/') return '';
  const rest = xml.slice(start.index + start[0].length);
  const close = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${localName}\\s*>`).exec(rest);
  return close ? rest.slice(0, close.index) : null;
}

/** An element's text, entities decoded and trimmed. */
export function readElement(xml: string, localName: string): string | null {
  const raw = readRawElement(xml, localName);
  return raw === null ? null : decodeEntities(raw).trim();
}

/** Throws the fault an answer carries: the service's functional error with its code, else the fault's text. */
function throwFault(xml: string): void {
  const fault = readRawElement(xml, 'Fault');
  if (fault === null) return;
  const functional = readRawElement(fault, 'FonctionnelleErreur');
  if (functional !== null) {
    const code = readElement(functional, 'code') || 'inconnu';
    throw new PayfipError(code, readElement(functional, 'descriptif') || readElement(functional, 'libelle') || '');
  }
  const technical = readRawElement(fault, 'TechDysfonctionnementErreur');
  if (technical !== null) throw new PayfipError(readElement(technical, 'code') || 'technique', readElement(technical, 'libelle') || 'technical failure');
  throw new PayfipError('fault', readElement(fault, 'faultstring') ?? 'SOAP fault');
}

/** The idOp of a `creerPaiementSecuriseResponse`. */
export function parseIdOp(xml: string): string {
  throwFault(xml);
  const response = readRawElement(xml, 'creerPaiementSecuriseResponse');
  const idOp = response === null ? null : readElement(response, 'idOp');
  if (!idOp) throw new PayfipError('reponse', 'no idOp in the answer');
  return idOp;
}

const RESULTS: readonly string[] = ['P', 'V', 'R', 'Z', 'A'];

/** A `recupererDetailPaiementSecuriseResponse`: its result, or in progress (P5), or purged (P1). */
export function parseDetail(xml: string): PayfipStatus {
  try {
    throwFault(xml);
  } catch (error) {
    if (error instanceof PayfipError && error.code === 'P5') return { kind: 'in-progress' };
    if (error instanceof PayfipError && error.code === 'P1') return { kind: 'purged' };
    throw error;
  }
  const response = readRawElement(xml, 'recupererDetailPaiementSecuriseResponse');
  if (response === null) throw new PayfipError('reponse', 'no recupererDetailPaiementSecuriseResponse in the answer');
  const field = (name: string) => readElement(response, name) ?? '';
  const resultrans = field('resultrans');
  if (!RESULTS.includes(resultrans)) throw new PayfipError('resultrans', `unknown result ${JSON.stringify(resultrans.slice(0, 10))}`);
  const montant = Number(field('montant'));
  if (!Number.isSafeInteger(montant)) throw new PayfipError('montant', 'the amount is not whole cents');
  return {
    kind: 'result',
    detail: {
      resultrans: resultrans as Resultrans,
      idOp: field('idOp'),
      refdet: field('refdet'),
      montantCents: montant,
      numcli: field('numcli'),
      exer: field('exer'),
      saisie: field('saisie'),
      numauto: field('numauto'),
      dattrans: field('dattrans'),
      heurtrans: field('heurtrans'),
    },
  };
}

/** The payment page the payer is sent to. */
export function paymentPageUrl(paymentUrl: string, idOp: string): string {
  return `${paymentUrl}?idop=${encodeURIComponent(idOp)}`;
}

export interface PayfipService {
  creerPaiementSecurise(request: PayfipPaymentRequest): Promise<string>;
  recupererDetailPaiementSecurise(idOp: string): Promise<PayfipStatus>;
}

/** The web service client; `fetch` is injected so that tests may answer in-process. */
export function payfipClient(options: { serviceUrl: string; fetch?: typeof fetch; timeoutMs?: number }): PayfipService {
  const send = options.fetch ?? fetch;
  const call = async (body: string): Promise<string> => {
    const response = await send(options.serviceUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await response.text();
    // SOAP 1.1 answers a fault with 500: its body says which.
    if (!response.ok && !text.includes('Fault')) throw new PayfipError('http', `HTTP ${response.status}`);
    return text;
  };
  return {
    creerPaiementSecurise: async (request) => parseIdOp(await call(creerPaiementSecuriseEnvelope(request))),
    recupererDetailPaiementSecurise: async (idOp) => parseDetail(await call(recupererDetailPaiementSecuriseEnvelope(idOp))),
  };
}
