// The end of a confirmation page, for work that cannot be undone: the form's values carried again
// in hidden fields, « Confirmer » (the only post that acts, see `preview` in form-route.ts) and
// « Retour » (the form again, as it was typed). Works without JavaScript.
import { CONFIRMATION } from './form-route.ts';

export function ConfirmationForm(props: { action: string; fields: [string, string][] }) {
  const { action, fields } = props;
  return (
    <form method="post" action={action} class="form-actions">
      {fields.map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button class="button" type="submit" name={CONFIRMATION.field} value={CONFIRMATION.yes}>
        Confirmer
      </button>
      <button class="button button--secondary" type="submit" name={CONFIRMATION.field} value={CONFIRMATION.back}>
        Retour
      </button>
    </form>
  );
}
