import type { FixityCheck } from '@eoffice/core';
import type { FixityCheckDto } from './dto/fixity.dto';

/** The report row field by field: the entity itself never goes to the wire. */
export const toFixityCheckDto = (c: FixityCheck): FixityCheckDto => ({
  id: c.id,
  status: c.status,
  trigger: c.trigger,
  requestedBy: c.requestedBy,
  filesChecked: c.filesChecked,
  mismatchCount: c.mismatchCount,
  mismatches: c.mismatches.map((m) => ({ ...m })),
  error: c.error,
  createdAt: c.createdAt,
  startedAt: c.startedAt,
  finishedAt: c.finishedAt,
});
