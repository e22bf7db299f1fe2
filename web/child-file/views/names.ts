// Who a row names, as the family reads it: a guardian by their name, else their address.
export const personName = (row: { first_name: string | null; last_name: string | null; email: string | null }) =>
  [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email || 'un parent';
