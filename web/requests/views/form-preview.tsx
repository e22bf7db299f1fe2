// A démarche's form as families will see it, shown to staff before it is saved or published: its
// title, commune, presentation and each field with its kind's input, inert (nothing is sent).
import type { RequestField } from '../../../domain/request-forms.ts';
import { RequestInput } from './request-form.tsx';

export function FormPreview({ form }: { form: { title: string; description: string; commune: string; fields: RequestField[] } }) {
  return (
    <section class="card" aria-labelledby="apercu">
      <h2 id="apercu">Aperçu : le formulaire tel que les familles le verront</h2>
      <h3>{form.title}</h3>
      <p>Mairie de {form.commune}</p>
      {form.description ? <p>{form.description}</p> : null}
      <p class="field__hint">Les champs marqués d'un astérisque (*) sont obligatoires.</p>
      <fieldset disabled>
        <legend class="visually-hidden">Champs de l'aperçu (inactifs)</legend>
        {form.fields.map((field) => (
          <RequestInput field={{ ...field, key: `apercu_${field.key}` }} values={{}} errors={{}} />
        ))}
      </fieldset>
    </section>
  );
}
