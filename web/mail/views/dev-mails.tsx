// The development mailbox: list and one mail (text part; the HTML part is shown as source so
// that no mail content can run in the page).
import type { OutboxMail } from '../../../db/database.ts';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });

type MailSummary = Pick<OutboxMail, 'id' | 'recipient' | 'subject' | 'status' | 'created_at'>;

export function MailboxPage({ mails }: { mails: MailSummary[] }) {
  return (
    <section>
      <h1>Courriels envoyés (développement)</h1>
      <p>Sans serveur SMTP configuré, les courriels de la plateforme sont conservés ici.</p>
      {mails.length === 0 ? (
        <p>Aucun courriel pour le moment.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Les 100 derniers courriels</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Destinataire</th>
              <th scope="col">Objet</th>
            </tr>
          </thead>
          <tbody>
            {mails.map((mail) => (
              <tr>
                <td>{dateTime.format(mail.created_at)}</td>
                <td>{mail.recipient}</td>
                <td>
                  <a href={`/dev/mails/${mail.id}`}>{mail.subject}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function MailPage({ mail }: { mail: OutboxMail }) {
  return (
    <article>
      <p>
        <a href="/dev/mails">← Tous les courriels</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl>
        <dt>Destinataire</dt>
        <dd>{mail.recipient}</dd>
        <dt>Date</dt>
        <dd>{dateTime.format(mail.created_at)}</dd>
      </dl>
      <h2>Texte</h2>
      <pre class="mail-text">{mail.text_body}</pre>
      {mail.html_body ? (
        <details>
          <summary>Version HTML (source)</summary>
          <pre class="mail-text">{mail.html_body}</pre>
        </details>
      ) : null}
    </article>
  );
}
