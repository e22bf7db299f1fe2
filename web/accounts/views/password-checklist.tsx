// The password policy as a checklist next to the field: updated while typing (htmx posts the
// field to /mot-de-passe/regles) and shown as posted when JavaScript is off.
import { passwordRules, type PasswordCheck } from '../../../domain/password-policy.ts';

export function PasswordChecklist({ check }: { check?: PasswordCheck | undefined }) {
  const rules = check?.rules ?? passwordRules.map(({ rule, label }) => ({ rule, label, met: false }));
  return (
    <div id="password-rules" class="password-rules" aria-live="polite">
      <p>Votre mot de passe doit contenir :</p>
      <ul>
        {rules.map((rule) => (
          <li class={check ? (rule.met ? 'rule rule--met' : 'rule rule--unmet') : 'rule'}>
            <span aria-hidden="true">{check ? (rule.met ? '✓ ' : '✗ ') : '• '}</span>
            {rule.label}
            {check ? <span class="visually-hidden">{rule.met ? ' : respecté' : ' : non respecté'}</span> : null}
          </li>
        ))}
      </ul>
      {check?.problems.map((problem) => <p class="field__error">{problem}</p>)}
    </div>
  );
}

/** htmx attributes for a new-password input: re-check the policy as the user types. */
export const livePasswordCheck = {
  'hx-post': '/mot-de-passe/regles',
  'hx-trigger': 'input changed delay:250ms',
  'hx-target': '#password-rules',
  'hx-swap': 'outerHTML',
  'aria-describedby': 'password-rules',
};
