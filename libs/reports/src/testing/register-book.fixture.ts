// The table both renderers' specs draw: a page of an incoming register book, in Vietnamese.
import type { ReportRow, TableView, TableReport } from '../table-report';

export function registerBookReport(rows: ReportRow[], moreViews: TableView[] = []): TableReport {
  return {
    title: ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN'],
    subtitle: ['Sở Giáo dục và Đào tạo tỉnh Tây Ninh', 'Năm 2026'],
    views: [
      {
        name: 'DEN 2026',
        columns: [
          { key: 'received', header: 'Ngày đến', width: 11, kind: 'date' },
          { key: 'number', header: 'Số đến', width: 7, kind: 'number' },
          { key: 'subject', header: 'Tên loại và trích yếu nội dung', width: 40, kind: 'text' },
          { key: 'note', header: 'Ghi chú', width: 14, kind: 'text' },
        ],
        rows,
      },
      ...moreViews,
    ],
  };
}
