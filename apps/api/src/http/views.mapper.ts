import type { DocumentView } from '@eoffice/documents';
import type { DocumentViewPageDto } from './views.dto';

export function toViewsPageDto(page: { items: DocumentView[]; total: number; page: number; pageSize: number }): DocumentViewPageDto {
  return {
    items: page.items.map((v) => ({
      viewerId: v.viewerId,
      viewerName: v.viewerName,
      action: v.action,
      fileId: v.fileId,
      viewedAt: v.viewedAt,
      ip: v.ip,
      userAgent: v.userAgent,
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
