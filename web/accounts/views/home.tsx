// "Mon compte": the reference's welcome, the account status in words, the documents and the
// sections.
import type { AccountStatusText } from '../account-state.ts';
import { StatusNotice } from '../../forms/fields.tsx';
import { DocumentTable, type DocumentRow } from '../../documents/index.ts';
import { accountSections } from '../../layout/account-sections.tsx';

export function AccountHomePage({ name, status, documents }: { name: string; status: AccountStatusText; documents: DocumentRow[] }) {
  return (
    <>
      <h1>Mon compte</h1>
      <p>Bonjour {name}.</p>
      <p>Bienvenue sur votre page d'accueil. Vous pouvez y gérer vos informations personnelles ainsi que vos commandes.</p>
      <StatusNotice status={status} />
      <p class="reminder">Merci de penser à mettre vos pièces justificatives.</p>
      <h2>Mes pièces justificatives</h2>
      <DocumentTable documents={documents} hrefPrefix="/mon-compte/documents" />
      <p>
        <a class="button" href="/mon-compte/documents">
          Déposer une pièce
        </a>
      </p>
      <h2>Mes rubriques</h2>
      <ul class="sections">
        {accountSections.map((section) => (
          <li>
            <a href={section.href}>{section.label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
