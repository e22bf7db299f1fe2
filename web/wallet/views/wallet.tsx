// "Mon porte-monnaie": the balance, the history, and "DÉPÔTS DE FONDS" (1, 5, 10, 25, 50 €).
import { formatEuros } from '../../../domain/money.ts';
import { CARD_TYPES, type CardType } from '../../../lib/payments/paybox.ts';
import { TOP_UP_AMOUNTS_CENTS } from '../../../workflows/wallet/wallet-top-up.messages.ts';
import { ErrorSummary, Notice } from '../../forms/fields.tsx';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

export interface WalletPageProps {
  balanceCents: number;
  /** Top-ups waiting for the bank: the balance changes once each is confirmed. */
  pending?: { reference: string; amount_cents: number }[];
  entries: { id: number; amount_cents: number; label: string; created_at: Date }[];
  errors?: Record<string, string>;
  message?: string | null;
  /** The family's régie takes PayFiP: offered beside the cards. */
  payfip?: boolean;
}

export function WalletPage({ balanceCents, entries, pending = [], errors = {}, message, payfip = false }: WalletPageProps) {
  return (
    <>
      <h1>Mon porte-monnaie</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {pending.map((topUp) => (
        <Notice kind="info">
          Votre recharge de {formatEuros(topUp.amount_cents)} attend la confirmation de la banque : le solde ci-dessous sera mis à jour dès qu'elle arrive (cette page se recharge seule).{' '}
          <a href={`/paiement/retour/${topUp.reference}`}>Suivre ce paiement</a>
        </Notice>
      ))}
      <p class="balance">
        Solde : <strong>{formatEuros(balanceCents)}</strong>
      </p>
      <section aria-labelledby="deposit-title" class="panel">
        <h2 id="deposit-title">DÉPÔTS DE FONDS</h2>
        <form method="post" action="/mon-compte/porte-monnaie/recharger" novalidate>
          <ErrorSummary errors={errors} labels={{}} />
          <fieldset class="choice">
            <legend>Montant</legend>
            {TOP_UP_AMOUNTS_CENTS.map((cents, index) => (
              <div class="radio">
                <input type="radio" name="montant" id={`montant-${cents}`} value={String(cents)} checked={index === 2} />
                <label for={`montant-${cents}`}>{formatEuros(cents)}</label>
              </div>
            ))}
          </fieldset>
          <fieldset class="choice">
            <legend>Carte</legend>
            {(Object.keys(CARD_TYPES) as CardType[]).map((type, index) => (
              <div class="radio">
                <input type="radio" name="carte" id={`carte-${type}`} value={type} checked={index === 0} />
                <label for={`carte-${type}`}>{CARD_TYPES[type].label}</label>
              </div>
            ))}
            {payfip ? (
              <div class="radio">
                <input type="radio" name="carte" id="carte-PAYFIP" value="PAYFIP" />
                <label for="carte-PAYFIP">Payer par PayFiP (carte ou prélèvement)</label>
              </div>
            ) : null}
          </fieldset>
          <button class="button" type="submit">
            Recréditer mon porte-monnaie
          </button>
        </form>
      </section>
      <h2>Historique</h2>
      <p>
        <a href="/mon-compte/porte-monnaie/recus">Mes reçus</a> : chaque recharge, au guichet ou par carte, et chaque paiement reçu par la régie, en PDF.
      </p>
      {entries.length === 0 ? (
        <p>Aucun mouvement pour le moment.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Mouvements du porte-monnaie, du plus récent au plus ancien</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Opération</th>
              <th scope="col">Montant</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr>
                <td>{dateTime.format(entry.created_at)}</td>
                <td>{entry.label}</td>
                <td>{entry.amount_cents > 0 ? `+${formatEuros(entry.amount_cents)}` : formatEuros(entry.amount_cents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The form the browser posts to the payment page (no script: the person presses the button). */
export function GoToPaymentPage({ action, fields, amountCents }: { action: string; fields: [string, string][]; amountCents: number }) {
  return (
    <section class="narrow">
      <h1>Paiement sécurisé</h1>
      <p>
        Vous allez payer <strong>{formatEuros(amountCents)}</strong> sur la page sécurisée de notre prestataire de paiement.
      </p>
      <form method="post" action={action} data-auto-submit>
        {fields.map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <button class="button" type="submit">
          Continuer vers le paiement
        </button>
      </form>
      <script src="/static/auto-submit.js" defer />
    </section>
  );
}

export function PaymentResultPage({ status, amountCents, balanceCents, poll }: { status: string; amountCents: number; balanceCents: number; poll: string | null }) {
  const texts: Record<string, { title: string; kind: 'success' | 'warning' | 'info'; text: string }> = {
    pending: { title: 'Paiement en cours de confirmation', kind: 'info', text: 'Nous attendons la confirmation de la banque. Cette page se met à jour toute seule.' },
    paid: { title: 'Porte-monnaie rechargé', kind: 'success', text: `${formatEuros(amountCents)} ont été ajoutés à votre porte-monnaie.` },
    refused: { title: 'Paiement refusé', kind: 'warning', text: "Le paiement a été refusé : rien n'a été débité ni crédité." },
    cancelled: { title: 'Paiement abandonné', kind: 'warning', text: "Le paiement a été abandonné : rien n'a été débité ni crédité." },
    expired: { title: 'Paiement expiré', kind: 'warning', text: "Le paiement n'a pas abouti à temps : rien n'a été crédité." },
    'to-reconcile': {
      title: 'Paiement à vérifier',
      kind: 'warning',
      text: "La banque signale un paiement déjà effectué pour cette référence : rien n'a été crédité. Votre commune vérifie et vous recontacte.",
    },
  };
  const text = texts[status] ?? texts.pending!;
  return (
    <section class="narrow" id="payment-result" {...(poll ? { 'hx-get': poll, 'hx-trigger': 'every 2s', 'hx-select': '#payment-result', 'hx-swap': 'outerHTML' } : {})}>
      <h1>{text.title}</h1>
      <Notice kind={text.kind}>{text.text}</Notice>
      <p class="balance">
        {status === 'paid' ? 'Nouveau solde' : 'Solde'} : <strong>{formatEuros(balanceCents)}</strong>
      </p>
      <p>
        <a href="/mon-compte/porte-monnaie">Mon porte-monnaie</a>
      </p>
    </section>
  );
}
