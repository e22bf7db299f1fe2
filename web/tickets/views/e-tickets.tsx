// « Mes e-billets »: the family's tickets, those to come then those past, each opening on its own
// page with its QR code and a PDF to download or print; a cancelled reservation's ticket is void.
import { raw } from 'hono/html';
import type { ETicket } from '../../../db/queries/tickets/e-tickets.ts';
import { formatLongDate } from '../../../domain/dates.ts';

function TicketList({ tickets, caption }: { tickets: ETicket[]; caption: string }) {
  if (tickets.length === 0) return <p>Aucun billet.</p>;
  return (
    <table class="stack">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Jour</th>
          <th scope="col">Enfant</th>
          <th scope="col">Activité</th>
          <th scope="col">Billet</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr>
            <td data-label="Jour">{formatLongDate(ticket.day)}</td>
            <td data-label="Enfant">{ticket.firstName}</td>
            <td data-label="Activité">
              {ticket.product} – {ticket.prestation}
            </td>
            <td data-label="Billet">
              {ticket.state === 'cancelled' ? (
                <>Annulé : billet non valable</>
              ) : (
                <a href={`/mon-compte/e-billets/${ticket.reservationId}`}>
                  Voir le billet {ticket.code}
                  <span class="visually-hidden">
                    {' '}
                    de {ticket.firstName}, {formatLongDate(ticket.day)}
                  </span>
                </a>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TicketsPage({ upcoming, past }: { upcoming: ETicket[]; past: ETicket[] }) {
  return (
    <>
      <h1>Mes e-billets</h1>
      <p>Chaque réservation a son billet : présentez-le (sur votre téléphone ou imprimé) ou donnez son code à l'accueil.</p>
      <h2>À venir</h2>
      <TicketList tickets={upcoming} caption="Billets à venir" />
      <h2>Passés</h2>
      <TicketList tickets={past} caption="Billets passés" />
    </>
  );
}

export function TicketPage({ ticket, qr }: { ticket: ETicket; qr: string | null }) {
  return (
    <>
      <p>
        <a href="/mon-compte/e-billets">← Mes e-billets</a>
      </p>
      <h1>E-billet {ticket.code}</h1>
      <dl class="answers">
        <dt>Activité</dt>
        <dd>
          {ticket.product} – {ticket.prestation}
        </dd>
        <dt>Enfant</dt>
        <dd>
          {ticket.firstName} {ticket.lastName}
        </dd>
        <dt>Jour</dt>
        <dd>{formatLongDate(ticket.day)}</dd>
        <dt>Commune</dt>
        <dd>{ticket.commune}</dd>
        {ticket.orderNumber ? (
          <>
            <dt>Commande</dt>
            <dd>{ticket.orderNumber}</dd>
          </>
        ) : null}
      </dl>
      {qr ? (
        <>
          <figure class="ticket-qr">
            {raw(qr)}
            <figcaption>QR code du billet : {ticket.code}</figcaption>
          </figure>
          <p>
            <a class="button" href={`/mon-compte/e-billets/${ticket.reservationId}/billet.pdf`} download={`e-billet-${ticket.code}.pdf`}>
              Télécharger le billet (PDF)
            </a>
          </p>
        </>
      ) : (
        <p class="notice notice--warning">Cette réservation est annulée : son billet n'est plus valable.</p>
      )}
    </>
  );
}
