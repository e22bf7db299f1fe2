// The PayFiP sandbox, in development and tests only: it plays the DGFiP's service. Its SOAP
// endpoint answers creerPaiementSecurise (checking the fields as the service does) and
// recupererDetailPaiementSecurise (P5 while the payer has not finished, P1 for an operation it
// does not know); its payment page offers card accepted, SEPA debit, refused, abandoned and a
// payment that stays « in progress » a few minutes, then notifies `urlnotif` with the idOp and
// sends the browser back to `urlredirect`. Its operations live in this process's memory: a
// restarted server has purged them all (P1), as PayFiP does each night.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { checkPaymentRequest, escapeXml, PAYFIP_SERVICE_NS, PayfipError, readElement, readRawElement, type PayfipPaymentRequest, type PayfipSaisie, type Resultrans } from '../../lib/payments/payfip.ts';
import { formatEuros } from '../../domain/money.ts';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';
import { anyText } from '../forms/schemas.ts';

/** How long the « in progress » choice answers P5 before it is paid by card. */
export const SANDBOX_IN_PROGRESS_MS = 5 * 60_000;

const choices = [
  { choice: 'P', label: 'Carte bancaire acceptée' },
  { choice: 'V', label: 'Prélèvement SEPA accepté' },
  { choice: 'R', label: 'Carte refusée par la banque' },
  { choice: 'A', label: 'Abandonner le paiement' },
  { choice: 'en-cours', label: 'Paiement qui reste « en cours » 5 minutes, puis accepté' },
] as const;

const choiceForm = z.object({ idop: anyText, choice: anyText });

interface Operation {
  request: PayfipPaymentRequest;
  createdAt: Date;
  result: Resultrans | null;
  /** The « in progress » choice: P5 until then, then paid by card. */
  inProgressUntil: number | null;
}

const soap = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${body}</S:Body></S:Envelope>`;
const fault = (code: string, libelle: string) =>
  soap(
    `<S:Fault><faultcode>S:Server</faultcode><faultstring>fr.gouv.finances.cp.tpa.webservice.exceptions.FonctionnelleErreur</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="http://securite.service.tpa.cp.finances.gouv.fr/reponse"><code>${escapeXml(code)}</code><descriptif></descriptif><libelle>${escapeXml(libelle)}</libelle><severite>2</severite></ns2:FonctionnelleErreur></detail></S:Fault>`,
  );
const two = (n: number) => String(n).padStart(2, '0');

/** Who may call each route below (see web/http/access.ts). */
export const payfipSandboxAccess = {
  // PayFiP's web service and payment page, played by the sandbox outside production.
  'POST /sandbox/payfip/tpa/services/securite': { who: 'anyone', input: 'provider' },
  'GET /sandbox/payfip/tpa/paiementws.web': { who: 'anyone' },
  'POST /sandbox/payfip/tpa/payer': { who: 'anyone', input: 'provider' },
} satisfies AccessTable;

export function payfipSandboxRoutes(deps: { logger: Logger; now: () => Date }): Hono<AppEnv> {
  const { logger, now } = deps;
  const operations = new Map<string, Operation>();
  const router = new Hono<AppEnv>();
  const xml = (body: string, status: 200 | 400 | 500 = 200) => new Response(body, { status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });

  const resultOf = (operation: Operation): Resultrans | 'P5' => {
    if (operation.inProgressUntil !== null) return now().getTime() < operation.inProgressUntil ? 'P5' : 'P';
    return operation.result ?? 'P5';
  };

  router.post('/tpa/services/securite', async (c) => {
    const body = await c.req.text();
    const create = readRawElement(body, 'creerPaiementSecurise');
    const detail = readRawElement(body, 'recupererDetailPaiementSecurise');
    if (!readRawElement(body, 'Envelope') || (create === null && detail === null)) return c.text('PayFiP (bac à sable) : enveloppe SOAP attendue', 400);
    if (create !== null) {
      const field = (name: string) => readElement(create, name) ?? '';
      const request: PayfipPaymentRequest = {
        numcli: field('numcli'), saisie: field('saisie') as PayfipSaisie, exer: Number(field('exer')), refdet: field('refdet'), montantCents: Number(field('montant')),
        mel: field('mel'), urlnotif: field('urlnotif'), urlredirect: field('urlredirect'), objet: field('objet'),
      };
      try {
        checkPaymentRequest(request);
      } catch (error) {
        return xml(fault(error instanceof PayfipError ? error.code.toUpperCase() : 'A1', 'Paramètre non conforme'), 500);
      }
      const idOp = randomUUID();
      operations.set(idOp, { request, createdAt: now(), result: null, inProgressUntil: null });
      return xml(soap(`<ns2:creerPaiementSecuriseResponse xmlns:ns2="${PAYFIP_SERVICE_NS}"><return><idOp>${idOp}</idOp></return></ns2:creerPaiementSecuriseResponse>`));
    }
    const idOp = readElement(detail!, 'idOp') ?? '';
    const operation = operations.get(idOp);
    if (!operation) return xml(fault('P1', 'IdOp incorrect'), 500);
    const result = resultOf(operation);
    if (result === 'P5') return xml(fault('P5', 'Transaction en cours'), 500);
    const { request } = operation;
    const at = operation.createdAt;
    const fields: [string, string][] = [
      ['dattrans', `${two(at.getUTCDate())}${two(at.getUTCMonth() + 1)}${at.getUTCFullYear()}`], ['exer', String(request.exer)], ['heurtrans', `${two(at.getUTCHours())}${two(at.getUTCMinutes())}`],
      ['idOp', idOp], ['mel', request.mel], ['montant', String(request.montantCents)], ['numauto', result === 'P' ? idOp.slice(0, 6).toUpperCase() : ''], ['numcli', request.numcli],
      ['objet', request.objet], ['refdet', request.refdet], ['resultrans', result], ['saisie', request.saisie],
    ];
    const inner = fields.map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`).join('');
    return xml(soap(`<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2="${PAYFIP_SERVICE_NS}"><return>${inner}</return></ns2:recupererDetailPaiementSecuriseResponse>`));
  });

  router.get('/tpa/paiementws.web', (c) => {
    const idOp = c.req.query('idop') ?? '';
    const operation = operations.get(idOp);
    // As PayFiP's own page: an unknown or purged operation is a page saying so.
    if (!operation) {
      return c.render(
        <section class="narrow sandbox">
          <h1>Paiement PayFiP</h1>
          <p class="notice">Bac à sable PayFiP : cette opération est inconnue ou a expiré. Retournez sur le site pour payer à nouveau.</p>
        </section>,
        { title: 'Paiement PayFiP (bac à sable)' },
      );
    }
    return c.render(
      <section class="narrow sandbox">
        <p class="notice">Bac à sable PayFiP : aucune carte ni aucun compte réel n'est débité.</p>
        <h1>Paiement PayFiP</h1>
        <p>
          Montant : <strong>{formatEuros(operation.request.montantCents)}</strong> – référence {operation.request.refdet}
        </p>
        <p>Objet : {operation.request.objet || '—'}</p>
        {choices.map((entry) => (
          <form method="post" action="/sandbox/payfip/tpa/payer">
            <input type="hidden" name="idop" value={idOp} />
            <input type="hidden" name="choice" value={entry.choice} />
            <button class="button" type="submit">
              {entry.label}
            </button>
          </form>
        ))}
      </section>,
      { title: 'Paiement PayFiP (bac à sable)' },
    );
  });

  router.post('/tpa/payer', async (c) => {
    const parsed = choiceForm.safeParse(await c.req.parseBody());
    const operation = parsed.success ? operations.get(parsed.data.idop) : undefined;
    const choice = parsed.success ? choices.find((entry) => entry.choice === parsed.data.choice) : undefined;
    if (!parsed.success || !operation || !choice) return c.text('PayFiP (bac à sable) : demande invalide', 400);
    const idOp = parsed.data.idop;
    if (choice.choice === 'en-cours') operation.inProgressUntil = now().getTime() + SANDBOX_IN_PROGRESS_MS;
    else operation.result = choice.choice;
    // Like PayFiP: the server hears first (the idOp alone; the outcome is asked), then the browser comes back.
    const notify = new URL(operation.request.urlnotif);
    notify.searchParams.set('idOp', idOp);
    const answer = await fetch(notify).catch((error: unknown) => {
      logger.error({ err: error, notify: notify.origin }, 'PayFiP sandbox notification failed');
      return null;
    });
    if (!answer?.ok) logger.error({ status: answer?.status }, 'PayFiP sandbox notification refused');
    const back = new URL(operation.request.urlredirect);
    back.searchParams.set('idop', idOp);
    return c.redirect(back.toString(), 303);
  });

  return router;
}
