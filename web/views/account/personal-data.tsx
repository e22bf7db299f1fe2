// « RGPD - Données personnelles »: what the product keeps about a family, why and for how long, in
// plain French; and the export of all of it as one archive.
const kept: [string, string, string][] = [
  ['Votre compte : nom, e-mail, téléphone, commune, quotient familial', 'vous identifier, valider votre compte et calculer vos tarifs', 'tant que votre compte existe'],
  ['Vos enfants et vos adresses', 'réserver pour eux, facturer à la bonne adresse', 'tant que votre compte existe'],
  ['Vos pièces justificatives', 'permettre à la mairie de valider votre compte et vos services', 'tant que votre compte existe, ou jusqu’à ce que la mairie les retire'],
  ['Vos commandes, paiements et votre porte-monnaie', 'vous délivrer les services payés et tenir les comptes publics', '10 ans, comme la loi l’impose pour les pièces comptables'],
  ['Vos réservations, e-billets et présences', 'accueillir vos enfants et vous rembourser les jours annulés', 'tant que votre compte existe'],
  ['Vos démarches en ligne et vos listes', 'traiter vos demandes, refaire vos réservations habituelles', 'tant que votre compte existe'],
  ['Les mails envoyés', 'vous prévenir à chaque étape', 'leur objet et leur date tant que votre compte existe ; leur texte est effacé dès leur envoi'],
  ['Les sessions de connexion et les liens à usage unique', 'vous garder connecté(e) en sécurité, changer votre mot de passe', 'les sessions jusqu’à 2 heures sans activité ; les liens une semaine après leur usage ou leur expiration'],
  ['Le journal des actions des agents vous concernant', 'prouver qui a décidé quoi, et quand', 'tant que votre compte existe'],
];

export function PersonalDataPage() {
  return (
    <>
      <h1>RGPD - Données personnelles</h1>
      <p>
        La Communauté d’Agglomération du Puy-en-Velay et les mairies qui vous accueillent traitent ces données pour vous rendre les services que vous réservez ici, et pour rien
        d’autre : elles ne sont ni vendues, ni cédées.
      </p>
      <table>
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
              <td>{what}</td>
              <td>{why}</td>
              <td>{howLong}</td>
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
      <p>
        Vous pouvez faire corriger vos informations dans Mon compte, et demander l’effacement de votre compte à votre mairie. Ce que la loi impose de garder (commandes et
        paiements) est alors rendu anonyme.
      </p>
    </>
  );
}
