/** Rows of a list and how many match in all: what a query answers for an offset and a limit. */
export interface Counted<T> {
  items: T[];
  total: number;
}

/** Which page of a list is asked for: pages count from 1, `pageSize` rows each. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A numbered page of a list, as every list of the API answers it. */
export interface Page<T> extends Counted<T>, PageRequest {}

/** A page whose `total` counts at most a cap (LIST_COUNT_CAP): exact only when `totalIsExact`. */
export interface CappedPage<T> extends Page<T> {
  totalIsExact: boolean;
}

/** The same page with every row mapped (an entity to its DTO, say); the other fields as they are. */
export function mapPage<T, U, P extends Page<unknown>>(page: P & { items: T[] }, map: (item: T) => U): Omit<P, 'items'> & { items: U[] } {
  return { ...page, items: page.items.map(map) };
}

/** A counted list and the page that was asked for, with every row mapped: the API's page answer. */
export function toPage<T, U>(list: Counted<T>, request: PageRequest, map: (item: T) => U): Page<U> {
  return { items: list.items.map(map), total: list.total, page: request.page, pageSize: request.pageSize };
}
