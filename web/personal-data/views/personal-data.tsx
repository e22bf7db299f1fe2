// « RGPD - Données personnelles »: what the product keeps about a family, why and for how long, in
// plain French; the export of all of it as one archive; and the erasure on request.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Field, FieldError } from '../../forms/fields.tsx';

const kept: [string, string, string][] = [
  ['Votre compte : nom, e-mail, téléphone, commune, quotient familial', 'vous identifier, valider votre compte et calculer vos tarifs', 'tant que votre compte existe'],
  ['Vos enfants et vos adresses', 'réserver pour eux, facturer à la bonne adresse', 'tant que votre compte existe'],
  [
    'La fiche de chaque enfant : fiche sanitaire (allergies, régimes, PAI, traitements, vaccinations, médecin, assurance) et ses versions, personnes à prévenir ou autorisées à venir le chercher, autorisations, qui a modifié quoi',
    'accueillir l’enfant en sécurité : les équipes la consultent les jours où il est inscrit',
    'tant que votre compte existe ; les personnes qui sont venues chercher l’enfant restent, sans leur nom, pour les sorties notées',
  ],
  ['Vos pièces justificatives', 'permettre à la mairie de valider votre compte et vos services', 'tant que votre compte existe, ou jusqu’à ce que la mairie les retire'],
  ['Vos commandes, paiements et votre porte-monnaie', 'vous délivrer les services payés et tenir les comptes publics', '10 ans, comme la loi l’impose pour les pièces comptables'],
  ['Vos réservations, e-billets et présences', 'accueillir vos enfants et vous rembourser les jours annulés', 'tant que votre compte existe'],
  ['Vos démarches en ligne et vos listes', 'traiter vos demandes, refaire vos réservations habituelles', 'tant que votre compte existe'],
  ['Les mails envoyés', 'vous prévenir à chaque étape', 'leur objet et leur date tant que votre compte existe ; leur texte est effacé dès leur envoi'],
  ['Les sessions de connexion et les liens à usage unique', 'vous garder connecté(e) en sécurité, changer votre mot de passe', 'les sessions jusqu’à 2 heures sans activité ; les liens une semaine après leur usage ou leur expiration'],
  ['Le journal des actions des agents vous concernant', 'prouver qui a décidé quoi, et quand', 'tant que votre compte existe ; après un effacement, sans le détail'],
  ['Votre demande d’effacement, si vous la faites', 'prouver qu’elle a été faite et votre solde remboursé', '10 ans, avec les pièces comptables ; votre IBAN est effacé avec le reste'],
];

export interface ErasureForm {
  values: FormValues;
  errors: FieldErrors;
}

export function PersonalDataPage({ owesMoney, erasure = { values: {}, errors: {} } }: { owesMoney: boolean; erasure?: ErasureForm }) {
  const { values, errors } = erasure;
  return (
    <>
      <h1>RGPD - Données personnelles</h1>
      <p>
        La Communauté d’Agglomération du Puy-en-Velay et les mairies qui vous accueillent traitent ces données pour vous rendre les services que vous réservez ici, et pour rien
        d’autre : elles ne sont ni vendues, ni cédées.
      </p>
      <table class="stack">
        <caption>Ce que nous gardons, pourquoi, et combien de temps</caption>
        <thead>
          <tr>
            <th scope="col">Données</th>
            <th scope="col">Pour</th>
            <th scope="col">Durée</th>
          </tr>
        </thead>
        <tbody>
          {kept.map(([what, why, howLong]) => (
            <tr>
              <td data-label="Données">{what}</td>
              <td data-label="Pour">{why}</td>
              <td data-label="Durée">{howLong}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Récupérer vos données</h2>
      <p>Une archive (ZIP) de tout ce que nous gardons sur vous : un fichier de données lisible (JSON) et vos pièces justificatives.</p>
      <p>
        <a class="button" href="/mon-compte/donnees/archive.zip" download>
          Télécharger mes données
        </a>
      </p>
      <h2>Vos droits</h2>
      <p>Vous pouvez faire corriger vos informations dans Mon compte, et demander ici l’effacement de votre compte et de vos données.</p>
      <h2 id="effacement">Effacer mon compte et mes données</h2>
      <p>Après votre demande :</p>
      <ol>
        <li>votre compte est fermé aussitôt : vous ne pouvez plus vous connecter ni réserver ;</li>
        <li>vos réservations à venir sont annulées et remboursées sur votre porte-monnaie ;</li>
        <li>s’il reste un solde, votre mairie vous le rembourse par virement sur le compte que vous indiquez ;</li>
        <li>vos données sont effacées : compte, enfants et leur fiche (santé, personnes, autorisations), adresses, pièces justificatives, démarches, listes. Vos commandes et paiements restent 10 ans dans les comptes publics, sans votre nom ni vos coordonnées.</li>
      </ol>
      <p>Nous vous écrivons à chaque étape. Pensez à télécharger vos données avant : après l’effacement, nous ne pourrons plus vous les donner.</p>
      <form method="post" action="/mon-compte/donnees/effacement" novalidate>
        <ErrorSummary errors={errors} labels={{ iban: 'IBAN', mot_de_passe: 'Mot de passe', confirmation: 'Confirmation' }} />
        {owesMoney ? (
          <Field
            name="iban"
            label="IBAN du compte où vous rembourser"
            required
            value={values.iban}
            error={errors.iban}
            autocomplete="off"
            hint="Votre porte-monnaie a un solde ou vous avez des réservations à venir : la mairie vous rembourse par virement. Par exemple FR76 3000 6000 0112 3456 7890 189."
          />
        ) : null}
        <Field name="mot_de_passe" label="Votre mot de passe, pour confirmer que c’est bien vous" type="password" required error={errors.mot_de_passe} autocomplete="current-password" />
        <div class={errors.confirmation ? 'field field--error' : 'field'}>
          <FieldError name="confirmation" error={errors.confirmation} />
          <div class="checkbox">
            <input type="checkbox" id="confirmation" name="confirmation" value="oui" checked={values.confirmation === 'oui'} aria-describedby={errors.confirmation ? 'confirmation-error' : undefined} />
            <label for="confirmation">Je demande l’effacement de mon compte et de mes données. Je sais que c’est définitif.</label>
          </div>
        </div>
        <button class="button button--danger" type="submit">
          Demander l’effacement
        </button>
      </form>
    </>
  );
}

/** Said once the request is recorded, the parent signed out. */
export function ErasureRequestedPage() {
  return (
    <>
      <h1>Votre demande d’effacement est enregistrée</h1>
      <p>Votre compte est fermé. Un e-mail vous confirme la demande, puis nous vous écrivons à chaque étape jusqu’à l’effacement de vos données.</p>
      <p>
        <a href="/">Retour à l’accueil</a>
      </p>
    </>
  );
}
