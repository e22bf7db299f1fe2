// The password policy of the platform, as shown to users: at least 12 characters, one digit, one
// letter, one upper-case, one lower-case and one special character; never the e-mail address,
// nor one of the 1,000 most used passwords (zxcvbn-ts's list, ordered by frequency).
import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
/** Argon2 hashes anything, but a megabyte of "password" is an attack, not a password. */
export const MAX_PASSWORD_LENGTH = 256;

export type PasswordRule = 'length' | 'digit' | 'letter' | 'upper' | 'lower' | 'special';

export const passwordRules: { rule: PasswordRule; label: string; test: (password: string) => boolean }[] = [
  { rule: 'length', label: `Longueur minimale de ${MIN_PASSWORD_LENGTH} caractères`, test: (p) => [...p].length >= MIN_PASSWORD_LENGTH },
  { rule: 'digit', label: 'Au moins 1 chiffre', test: (p) => /\p{Nd}/u.test(p) },
  { rule: 'letter', label: 'Au moins 1 lettre', test: (p) => /\p{L}/u.test(p) },
  { rule: 'upper', label: 'Au moins 1 majuscule', test: (p) => /\p{Lu}/u.test(p) },
  { rule: 'lower', label: 'Au moins 1 minuscule', test: (p) => /\p{Ll}/u.test(p) },
  { rule: 'special', label: 'Au moins 1 caractère spécial', test: (p) => /[^\p{L}\p{Nd}\s]/u.test(p) },
];

const commonPasswords = new Set(dictionary['passwords-common'].slice(0, 1000).map((word) => word.toLowerCase()));

export interface PasswordCheck {
  ok: boolean;
  /** Each rule of the checklist and whether it is met, in display order. */
  rules: { rule: PasswordRule; label: string; met: boolean }[];
  /** Reasons beyond the checklist: too long, the e-mail address, a common password. */
  problems: string[];
}

export function checkPassword(password: string, email?: string): PasswordCheck {
  const rules = passwordRules.map(({ rule, label, test }) => ({ rule, label, met: test(password) }));
  const problems: string[] = [];
  const lowered = password.toLowerCase();
  if ([...password].length > MAX_PASSWORD_LENGTH) problems.push(`Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`);
  if (email && lowered.trim() === email.trim().toLowerCase()) problems.push("Le mot de passe ne doit pas être votre adresse e-mail.");
  if (commonPasswords.has(lowered)) problems.push('Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.');
  return { ok: rules.every((r) => r.met) && problems.length === 0, rules, problems };
}

/** One French sentence listing what is missing, for the message next to the field. */
export function describePasswordProblems(check: PasswordCheck): string {
  const missing = check.rules.filter((r) => !r.met).map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1));
  const parts = [...check.problems];
  if (missing.length > 0) parts.unshift(`Le mot de passe ne respecte pas la politique : ${missing.join(', ')}.`);
  return parts.join(' ');
}
