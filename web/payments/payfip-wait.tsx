// The moment between « Payer par PayFiP » (an order's or a top-up's) and PayFiP's page: once the
// operation exists the family goes there (htmx follows a redirect itself, so a polled request is
// told to move the whole page); until then the page waits: htmx asks again every 2 s, without
// JavaScript the page refreshes itself, and a link does the same.
import type { Context } from 'hono';
import { paymentPageUrl } from '../../lib/payments/payfip.ts';
import { sandboxPayfipEndpoints } from '../../lib/payments/payfip-config.ts';
import { formatEuros } from '../../domain/money.ts';
import { Notice } from '../forms/fields.tsx';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';

export async function payfipPageOrWait(
  c: Context<AppEnv>,
  deps: Pick<AppDeps, 'payfip' | 'config'>,
  payment: { amount_cents: number; payfip_idop: string | null },
  wait: { start: () => Promise<unknown>; title: string },
): Promise<Response> {
  if (payment.payfip_idop) {
    const target = paymentPageUrl(deps.payfip?.paymentUrl ?? sandboxPayfipEndpoints(deps.config.PUBLIC_URL).paymentUrl, payment.payfip_idop);
    if (c.req.header('HX-Request')) {
      c.header('HX-Redirect', target);
      return c.body(null, 204);
    }
    return c.redirect(target, 303);
  }
  await wait.start();
  c.header('Refresh', '2');
  return c.render(
    <section class="narrow" id="payfip-wait" hx-get={c.req.path} hx-trigger="every 2s" hx-select="#payfip-wait" hx-swap="outerHTML">
      <h1>{wait.title}</h1>
      <Notice kind="info">
        Nous préparons votre paiement de {formatEuros(payment.amount_cents)} sur PayFiP, le service de paiement de la Direction générale des Finances publiques. Vous y serez conduit dans un instant.
      </Notice>
      <p>
        <a class="button" href={c.req.path}>
          Continuer vers PayFiP
        </a>
      </p>
    </section>,
    { title: 'Paiement par PayFiP' },
  );
}
