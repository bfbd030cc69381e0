// The optional pagination of the schedule and the search (api spec §5.1, §5.8): applied only when asked for.

export interface Paging {
  page?: number;
  size?: number;
}

const DEFAULT_PAGE_SIZE = 20;

/** The slice asked for, or null when neither page nor size was sent (then the whole list, as the original). */
export function pageWindow(paging: Paging): { page: number; size: number; offset: number } | null {
  if (paging.page === undefined && paging.size === undefined) return null;
  const page = paging.page ?? 1;
  const size = paging.size ?? DEFAULT_PAGE_SIZE;
  return { page, size, offset: (page - 1) * size };
}
