// Error pages (403, 404, 500) in the site's layout, in plain French.
const texts: Record<number, { title: string; message: string }> = {
  403: { title: 'Accès refusé', message: "Vous n'avez pas accès à cette page, ou votre demande n'a pas pu être vérifiée. Rechargez la page et réessayez." },
  404: { title: 'Page introuvable', message: "La page demandée n'existe pas ou a été déplacée." },
  500: { title: 'Une erreur est survenue', message: "Le service a rencontré un problème. Réessayez dans quelques instants ; si le problème persiste, contactez la mairie en donnant la référence ci-dessous." },
};

export function errorTitle(status: number): string {
  return (texts[status] ?? texts[500]!).title;
}

export function ErrorPage({ status, reference }: { status: number; reference?: string | undefined }) {
  const text = texts[status] ?? texts[500]!;
  return (
    <section class="error-page">
      <h1>{text.title}</h1>
      <p>{text.message}</p>
      {reference ? <p class="muted">Référence : <code>{reference}</code></p> : null}
      <p>
        <a href="/">Retour à l'accueil</a>
      </p>
    </section>
  );
}
