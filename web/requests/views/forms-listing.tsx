// « Démarches en ligne » in the public catalogue: the forms the communes publish, each with its
// commune and presentation and a link to fill it in, before the appointments to book.
export function RequestFormsListing({ forms }: { forms: { id: number; title: string; description: string; commune: string }[] }) {
  return (
    <>
      <section aria-labelledby="formulaires">
        <h2 id="formulaires">Demandes à faire en ligne</h2>
        {forms.length === 0 ? (
          <p>Aucune commune ne propose encore de formulaire en ligne.</p>
        ) : (
          <ul class="request-forms">
            {forms.map((form) => (
              <li>
                <a href={`/demarches/${form.id}`}>{form.title}</a> – mairie de {form.commune}
                {form.description ? <p>{form.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          Vos demandes et les réponses de la mairie sont dans <a href="/mon-compte/demarches">Mon compte, Mes démarches</a>.
        </p>
      </section>
      <h2>Rendez-vous et inscriptions</h2>
    </>
  );
}
