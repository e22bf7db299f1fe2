// The payment sandbox, in development and tests only: it plays Paybox. It checks the form's
// HMAC as the provider does, shows a card page with test cards, sends the signed
// server-to-server notification, then sends the browser back; and it answers Paybox Direct's
// refund call (lib/payments/sandbox-ppps.ts).
import { createSign } from 'node:crypto';
import { Hono } from 'hono';
import { signFields } from '../../lib/payments/paybox.ts';
import type { SandboxKeys } from '../../lib/payments/provider.ts';
import { sandboxPpps } from '../../lib/payments/sandbox-ppps.ts';
import { formatEuros } from '../../domain/money.ts';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessTable } from '../http/access.ts';
import { z } from 'zod';
import { anyText } from '../forms/schemas.ts';

/** The card the tester picks on the sandbox's page (the provider's own fields are checked by their signature). */
const choiceForm = z.object({ choice: anyText });

const cards = [
  { choice: 'accepted', number: '4000 0000 0000 0002', label: 'Carte acceptée', code: '00000' },
  { choice: 'refused', number: '4000 0000 0000 0119', label: 'Carte refusée par la banque', code: '00105' },
  { choice: 'abandoned', number: '—', label: 'Abandonner le paiement', code: '00030' },
] as const;

function checkedFields(body: Record<string, string | File>, keys: SandboxKeys): [string, string][] | null {
  const fields = Object.entries(body).filter((entry): entry is [string, string] => entry[0].startsWith('PBX_') && typeof entry[1] === 'string');
  const hmac = fields.find(([name]) => name === 'PBX_HMAC')?.[1];
  const signed = fields.filter(([name]) => name !== 'PBX_HMAC');
  return hmac && signFields(signed, keys.merchant.hmacKeyHex) === hmac ? fields : null;
}

/** Who may call each route below (see web/http/access.ts). */
export const sandboxAccess = {
  // The card provider's pages, played by the sandbox outside production.
  'POST /sandbox/paybox/cgi/MYchoix_pagepaiement.cgi': { who: 'anyone', input: 'provider' },
  'POST /sandbox/paybox/payer': { who: 'anyone', input: 'provider' },
  // Paybox Direct's refund call, made by our own activity to the sandbox.
  'POST /sandbox/paybox/PPPS.php': { who: 'anyone', input: 'provider' },
} satisfies AccessTable;

export function sandboxRoutes(keys: SandboxKeys, logger: Logger): Hono<AppEnv> {
  const router = new Hono<AppEnv>();

  router.post('/cgi/MYchoix_pagepaiement.cgi', async (c) => {
    const fields = checkedFields(await c.req.parseBody(), keys);
    if (!fields) return c.text('Paybox (bac à sable) : signature PBX_HMAC invalide', 400);
    const get = (name: string) => fields.find(([n]) => n === name)?.[1] ?? '';
    return c.render(
      <section class="narrow sandbox">
        <p class="notice">Bac à sable de paiement : aucune carte réelle n'est débitée.</p>
        <h1>Paiement par carte ({get('PBX_TYPECARTE')})</h1>
        <p>
          Montant : <strong>{formatEuros(Number(get('PBX_TOTAL')))}</strong> – référence {get('PBX_CMD')}
        </p>
        {cards.map((card) => (
          <form method="post" action="/sandbox/paybox/payer">
            {fields.map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <input type="hidden" name="choice" value={card.choice} />
            <button class="button" type="submit">
              {card.label}
              {card.number !== '—' ? ` (${card.number})` : ''}
            </button>
          </form>
        ))}
      </section>,
      { title: 'Paiement (bac à sable)' },
    );
  });

  router.post('/payer', async (c) => {
    const body = await c.req.parseBody();
    const fields = checkedFields(body, keys);
    const { choice } = choiceForm.parse(body);
    const card = cards.find((entry) => entry.choice === choice);
    if (!fields || !card) return c.text('Paybox (bac à sable) : demande invalide', 400);
    const get = (name: string) => fields.find(([n]) => n === name)?.[1] ?? '';
    const transaction = String(Date.now()).slice(-8);
    const variables = new URLSearchParams([
      ['montant', get('PBX_TOTAL')],
      ['ref', get('PBX_CMD')],
      ['auto', card.code === '00000' ? 'XXXXXX' : ''],
      ['trans', transaction],
      ['erreur', card.code],
      // Only for a form that asked for it, as the provider returns only what PBX_RETOUR names.
      ...(get('PBX_RETOUR').includes('numtrans:S') ? [['numtrans', `1${transaction}`] as [string, string]] : []),
    ]).toString();
    const signature = createSign('RSA-SHA1').update(variables).sign(keys.privateKeyPem).toString('base64');
    const query = `${variables}&sign=${encodeURIComponent(signature)}`;
    const notify = get('PBX_REPONDRE_A');
    // Like the provider: the server hears first, then the browser comes back.
    const answer = await fetch(`${notify}?${query}`).catch((error: unknown) => {
      logger.error({ err: error, notify }, 'sandbox notification failed');
      return null;
    });
    if (!answer?.ok) logger.error({ status: answer?.status, notify }, 'sandbox notification refused');
    const back = card.choice === 'accepted' ? get('PBX_EFFECTUE') : card.choice === 'refused' ? get('PBX_REFUSE') : get('PBX_ANNULE');
    return c.redirect(`${back}?${query}`, 303);
  });

  router.post('/PPPS.php', async (c) => c.text(sandboxPpps(keys).answer(await c.req.text())));

  return router;
}
