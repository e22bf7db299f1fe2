// The moment between « Recréditer mon porte-monnaie » by PayFiP and PayFiP's page: htmx asks again
// every 2 s (and is sent on once the operation exists); without JavaScript the page refreshes
// itself, and a link does the same.
import { Notice } from '../../forms/fields.tsx';
import { formatEuros } from '../../../domain/money.ts';

export function PayfipTopUpWaitPage(props: { amountCents: number; poll: string }) {
  return (
    <section class="narrow" id="payfip-wait" hx-get={props.poll} hx-trigger="every 2s" hx-select="#payfip-wait" hx-swap="outerHTML">
      <h1>Recharge de {formatEuros(props.amountCents)} par PayFiP</h1>
      <Notice kind="info">Nous préparons votre paiement sur PayFiP, le service de paiement de la Direction générale des Finances publiques. Vous y serez conduit dans un instant.</Notice>
      <p>
        <a class="button" href={props.poll}>
          Continuer vers PayFiP
        </a>
      </p>
    </section>
  );
}
