// What staff type, found in the database as `foldText` (domain/search-text.ts) folds it: lower
// case, no accents, ligatures spelt out; a word matches anywhere inside the text.
import { sql, type RawBuilder } from 'kysely';

const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿ';
const PLAIN = 'aaaaaaceeeeiiiinooooouuuuyy';

/** The text (a column's name or an expression) folded as staff's words are. */
export const folded = (text: string | RawBuilder<unknown>) =>
  sql<string>`replace(replace(translate(lower(${typeof text === 'string' ? sql.ref(text) : text}), ${ACCENTED}, ${PLAIN}), 'œ', 'oe'), 'æ', 'ae')`;

/** A LIKE pattern finding the word anywhere, its wildcards taken literally. */
export const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
