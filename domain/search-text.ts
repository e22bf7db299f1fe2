// What staff type to find something: words without accents or case, in any order, a day written
// the French way (13/01/2027) or as ISO, part of a number.
import { isIsoDate, type IsoDate } from './dates.ts';

/** Lower case, accents and ligatures taken off: « Noëllie » and « noellie » read the same. */
export function foldText(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** A day as staff write it: 13/01/2027, 13-01-2027, 13.01.2027 or 2027-01-13; null for anything else. */
export function typedDay(text: string): IsoDate | null {
  const trimmed = text.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const day = french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : trimmed;
  try {
    return isIsoDate(day) ? day : null;
  } catch {
    return null; // a day that does not exist (31/02)
  }
}

/** The words of a search, folded, each to be found somewhere. */
export function searchWords(text: string): string[] {
  return foldText(text).split(/[\s,;]+/).filter((word) => word.length > 0).slice(0, 6);
}
