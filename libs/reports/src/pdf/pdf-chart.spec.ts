import { countColour, renderPage } from '../../../signing/test';
import type { ReportChart, TableReport } from '../table-report';
import { niceMaximum } from './pdf-chart';
import { renderPdf } from './pdf-renderer';

const bars: ReportChart = {
  kind: 'bar',
  title: 'Giải quyết đúng hạn và quá hạn theo đơn vị',
  categories: ['Phòng Giáo dục Trung học', 'Phòng Tổ chức cán bộ', 'Văn phòng Sở'],
  series: [
    { name: 'Đúng hạn', colour: 'blue', values: [12, 3, 0] },
    { name: 'Quá hạn', colour: 'red', values: [2, 0, 5] },
  ],
};

const trend: ReportChart = {
  kind: 'line',
  title: 'Xu hướng 12 tuần',
  categories: Array.from({ length: 12 }, (_, i) => `W${36 + i}`),
  series: [{ name: 'Quá hạn', colour: 'red', values: [1, 3, 2, 5, 4, 6, 2, 1, 0, 3, 4, 2] }],
};

function report(charts: ReportChart[], rows = 2): TableReport {
  return {
    title: ['BÁO CÁO THỐNG KÊ'],
    subtitle: ['Tuần 47/2026'],
    views: [
      {
        name: 'Tổng hợp',
        columns: [
          { key: 'name', header: 'Chỉ tiêu', width: 40, kind: 'text' },
          { key: 'value', header: 'Số lượng', width: 10, kind: 'number' },
        ],
        rows: Array.from({ length: rows }, (_, i) => ({ name: `Chỉ tiêu ${i + 1}`, value: i })),
        charts,
      },
    ],
  };
}

describe('charts in the PDF report', () => {
  it('draws blue and red bars, in proportion, under the table', async () => {
    const page = renderPage(await renderPdf(report([bars])), 1, 'chart-bars');
    const whole = { x: 0, y: 0, width: page.width, height: page.height };
    const blue = countColour(page, whole, 'blue');
    const red = countColour(page, whole, 'red');
    // 15 units of blue bar against 7 of red (+ a legend square each), same bar width.
    expect(blue).toBeGreaterThan(1000);
    expect(red).toBeGreaterThan(400);
    expect(blue / red).toBeGreaterThan(1.5);
    expect(blue / red).toBeLessThan(2.6);
    // Nothing coloured in the table at the top of the page.
    expect(countColour(page, { x: 0, y: page.height - 110, width: page.width, height: 110 }, 'blue')).toBe(0);
  });

  it('draws a trend line, and moves a chart that does not fit to the next page', async () => {
    const pdf = await renderPdf(report([trend], 26));
    const first = renderPage(pdf, 1, 'chart-line-1');
    const second = renderPage(pdf, 2, 'chart-line-2');
    const whole = { x: 0, y: 0, width: first.width, height: first.height };
    expect(countColour(first, whole, 'red')).toBe(0);
    expect(countColour(second, whole, 'red')).toBeGreaterThan(300);
  });

  it('rounds the value axis up so its five steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceMaximum(0)).toBe(5);
    expect(niceMaximum(3)).toBe(5);
    expect(niceMaximum(10)).toBe(10);
    expect(niceMaximum(12)).toBe(25);
    expect(niceMaximum(47)).toBe(50);
    expect(niceMaximum(51)).toBe(100);
    expect(niceMaximum(2400)).toBe(2500);
  });
});
