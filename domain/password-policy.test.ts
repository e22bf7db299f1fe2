import { describe, expect, it } from 'vitest';
import { checkPassword, describePasswordProblems } from './password-policy.ts';

describe('checkPassword', () => {
  it.each([
    'Velay-Rosieres-2026',
    'Cantine!Mercredi7',
    'Éléonore_aime_1_vélo',
    'Ça-marche-bien-9',
    'ABCdef123!@#',
  ])('accepts %s', (password) => {
    expect(checkPassword(password, 'claire@example.fr')).toMatchObject({ ok: true, problems: [] });
  });

  it.each([
    ['Court-1a', ['length']],
    ['SansChiffre-Ici!', ['digit']],
    ['123456789012!', ['letter', 'upper', 'lower']],
    ['minuscules-123!', ['upper']],
    ['MAJUSCULES-123!', ['lower']],
    ['SansSpecial12345', ['special']],
    ['', ['length', 'digit', 'letter', 'upper', 'lower', 'special']],
  ])('refuses %s for %o', (password, failed) => {
    const check = checkPassword(password);
    expect(check.ok).toBe(false);
    expect(check.rules.filter((r) => !r.met).map((r) => r.rule)).toEqual(failed);
  });

  it('refuses the e-mail address itself, whatever its case', () => {
    const check = checkPassword('Claire.Pardon1@Example.fr', 'claire.pardon1@example.fr');
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual(['Le mot de passe ne doit pas être votre adresse e-mail.']);
  });

  it('names one of the most common passwords as such, whatever its case', () => {
    // None of the top thousand is 12 characters long, so the length rule refuses them too; the
    // message still tells the user why this choice is a bad one.
    for (const common of ['password', 'Qwerty', '1qaz2wsx']) {
      expect(checkPassword(common).problems).toContain('Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.');
    }
    expect(checkPassword('Velay-Rosieres-2026').problems).toEqual([]);
  });

  it('refuses absurdly long input', () => {
    expect(checkPassword(`Aa1!${'x'.repeat(300)}`).ok).toBe(false);
  });

  it('lists what is missing in one French sentence', () => {
    expect(describePasswordProblems(checkPassword('motdepasse'))).toBe(
      'Le mot de passe ne respecte pas la politique : longueur minimale de 12 caractères, au moins 1 chiffre, au moins 1 majuscule, au moins 1 caractère spécial.',
    );
  });
});
