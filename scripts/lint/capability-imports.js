// The lint rule that keeps capabilities apart: each floor (web/, workflows/, activities/,
// db/queries/) holds one folder per capability, and code outside a capability's folders reaches
// it only through that folder's index.ts. What a capability keeps to itself can then change
// without the others noticing, and its index says what the others depend on. The floors' lists
// (FLOOR_LISTS) name each capability's entry instead: its routes.ts, its door to Temporal, its
// workflows. Tests may reach inside to arrange their world. A second rule keeps each mail's
// composition in its capability's activities/<capability>/mails.ts.
import path from 'node:path';

const FLOORS = ['db/queries', 'workflows', 'activities', 'web'];
/** Folders of a floor that belong to no capability: every capability may use them. */
const SHARED = { web: ['http', 'forms', 'layout', 'middleware', 'static'], workflows: ['common'] };
/** Each floor's list of its capabilities: the app's routers, the web's doors to Temporal, the worker's workflows. */
const FLOOR_LISTS = ['web/capabilities.ts', 'web/workflows.ts', 'workflows/index.ts'];

/** The capability a project path belongs to, or null outside every capability. */
export function capabilityOf(file) {
  for (const floor of FLOORS) {
    if (!file.startsWith(`${floor}/`)) continue;
    const rest = file.slice(floor.length + 1).split('/');
    if (rest.length < 2 || (SHARED[floor] ?? []).includes(rest[0])) return null;
    return { floor, name: rest[0] };
  }
  return null;
}

const rule = {
  meta: {
    type: 'problem',
    messages: {
      skipsIndex: "{{target}} belongs to the {{name}} capability: import it from {{index}}, which lists what the other capabilities use of it.",
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    if (FLOOR_LISTS.includes(file)) return {};
    const mine = capabilityOf(file);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), source.value));
      const theirs = capabilityOf(target);
      if (!theirs || theirs.name === mine?.name) return;
      const index = `${theirs.floor}/${theirs.name}/index.ts`;
      if (target === index) return;
      context.report({ node: source, messageId: 'skipsIndex', data: { target, name: theirs.name, index } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
    };
  },
};

/** A mail is composed one way: each capability's templates in activities/<capability>/mails.ts. */
const mailsInMails = {
  meta: {
    type: 'problem',
    messages: { elsewhere: "Compose this mail in its capability's activities/<capability>/mails.ts, beside its other mails." },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (/^activities\/[a-z-]+\/mails\.ts$/.test(file) || file.startsWith('lib/mail/')) return {};
    return {
      ImportDeclaration(node) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), String(node.source.value)));
        if (target !== 'lib/mail/compose.ts') return;
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportSpecifier' && specifier.imported.name === 'composeMail') context.report({ node: specifier, messageId: 'elsewhere' });
        }
      },
    };
  },
};

export default { rules: { 'through-index': rule, 'mails-in-mails': mailsInMails } };
