/**
 * The largest page number any list accepts. A page past the data is an empty list, but a page
 * number like 1e20 would overflow the OFFSET arithmetic in PostgreSQL (bigint); 100,000 pages of
 * 200 is 20 million rows, more than any list holds.
 */
export const MAX_PAGE = 100_000;
