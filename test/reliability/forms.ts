// The forms of a page: where each posts and the names of its fields, read from the HTML the
// user's browser gets.
export interface PageForm {
  action: string;
  fields: string[];
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

export function formsOf(html: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = match[1]!;
    if ((attribute(tag, 'method') ?? 'get').toLowerCase() !== 'post') continue;
    const fields = new Set<string>();
    for (const field of match[2]!.matchAll(/<(?:input|select|textarea|button)\b[^>]*>/g)) {
      const name = attribute(field[0], 'name');
      if (name) fields.add(name);
    }
    forms.push({ action: (attribute(tag, 'action') ?? '').replaceAll('&amp;', '&'), fields: [...fields] });
  }
  return forms;
}
