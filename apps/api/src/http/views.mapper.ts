import { mapPage, type Page } from '@eoffice/core';
import type { DocumentView } from '@eoffice/documents';
import type { DocumentViewPageDto } from './views.dto';

export function toViewsPageDto(page: Page<DocumentView>): DocumentViewPageDto {
  return mapPage(page, (v) => ({
    viewerId: v.viewerId,
    viewerName: v.viewerName,
    action: v.action,
    fileId: v.fileId,
    viewedAt: v.viewedAt,
    ip: v.ip,
    userAgent: v.userAgent,
  }));
}
