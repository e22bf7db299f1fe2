// Where to send a user back after logging in: a path of this site, never another site. The value
// comes from the query string, so it is resolved as a browser would resolve the Location header
// (which ignores tabs and newlines and reads "\" as "/"), and only a same-origin path and query
// survive.
export function safeReturnPath(value: string | undefined | null, publicUrl: string): string | null {
  if (!value || value.length > 500 || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, publicUrl);
  } catch {
    return null;
  }
  if (url.origin !== new URL(publicUrl).origin || url.pathname.startsWith('//')) return null;
  return url.pathname + url.search;
}
