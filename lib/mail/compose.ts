// Builds a mail's text and HTML parts from the same paragraphs, so the two never disagree.
import { html, raw } from 'hono/html';

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Said after the action, e.g. how long a link is valid. */
  after?: string[];
}

const SIGNATURE = "La Communauté d'Agglomération du Puy-en-Velay\nPlateforme Citoyens";

export function composeMail(content: MailContent): ComposedMail {
  const after = content.after ?? [];
  const text = [
    content.greeting,
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label} : ${content.action.url}`] : []),
    ...after,
    SIGNATURE,
  ].join('\n\n');
  const body = html`<!DOCTYPE html>
<html lang="fr"><body style="font-family: Arial, sans-serif; color: #1d1d1f; line-height: 1.5">
<p>${content.greeting}</p>
${raw(content.paragraphs.map((p) => html`<p>${p}</p>`).join('\n'))}
${content.action ? html`<p><a href="${content.action.url}" style="display: inline-block; padding: 10px 16px; background: #0b4f8a; color: #fff; text-decoration: none; border-radius: 6px">${content.action.label}</a></p>
<p style="font-size: 13px">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur : ${content.action.url}</p>` : ''}
${raw(after.map((p) => html`<p>${p}</p>`).join('\n'))}
<p>${raw(SIGNATURE.split('\n').map((line) => html`${line}`).join('<br>'))}</p>
</body></html>`;
  return { subject: content.subject, text, html: String(body) };
}
