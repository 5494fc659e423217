import type { ChartColour, ReportChart } from '../table-report';
import type { PageContent, Rgb } from './page-content';
import { baselineOf, CONTENT_WIDTH, MARGIN } from './pdf-layout';
import type { CellFonts } from './pdf-table';

/** Height a chart takes on the page, title and legend included. */
export const CHART_HEIGHT = 230;

const COLOURS: Record<ChartColour, Rgb> = {
  blue: [0.12, 0.38, 0.8],
  red: [0.85, 0.15, 0.12],
  green: [0.13, 0.6, 0.25],
  orange: [0.95, 0.55, 0.1],
  grey: [0.5, 0.5, 0.5],
};

const TITLE_SIZE = 10;
const LABEL_SIZE = 7.5;
const TICKS = 5;
/** Room left of the plot for the axis numbers, and under it for the category labels. */
const AXIS_WIDTH = 34;
const LABEL_ROOM = 26;
const LEGEND_ROOM = 16;

interface Plot {
  left: number;
  bottom: number;
  width: number;
  height: number;
  max: number;
}

/**
 * A chart drawn with the page's own operators under a table, `top` being the cursor: title,
 * legend, a value axis from 0 with grid lines at round numbers, the categories along the bottom,
 * then bars (grouped per category) or lines (with a square at each point).
 */
export function drawChart(content: PageContent, fonts: CellFonts, chart: ReportChart, top: number): void {
  content.text(fonts.bold, TITLE_SIZE, MARGIN.left, baselineOf(top, 0, TITLE_SIZE + 4), chart.title);
  const legendTop = top - (TITLE_SIZE + 6);
  drawLegend(content, fonts, chart, legendTop);
  const values = chart.series.flatMap((s) => [...s.values]);
  const plot: Plot = {
    left: MARGIN.left + AXIS_WIDTH,
    bottom: top - CHART_HEIGHT + LABEL_ROOM,
    width: CONTENT_WIDTH - AXIS_WIDTH - 10,
    height: CHART_HEIGHT - LABEL_ROOM - (TITLE_SIZE + 6) - LEGEND_ROOM - 6,
    max: niceMaximum(Math.max(0, ...values)),
  };
  drawAxes(content, fonts, plot);
  drawCategories(content, fonts, chart, plot);
  if (chart.kind === 'bar') drawBars(content, chart, plot);
  else drawLines(content, chart, plot);
}

/** The top of the value axis: the smallest TICKS × step at or above `value`, the step being 1, 2 or 5 × 10^k. */
export function niceMaximum(value: number): number {
  if (value <= TICKS) return TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(value / TICKS));
  for (const step of [1, 2, 5, 10]) {
    if (step * magnitude * TICKS >= value) return step * magnitude * TICKS;
  }
  return 10 * magnitude * TICKS;
}

function drawLegend(content: PageContent, fonts: CellFonts, chart: ReportChart, top: number): void {
  let x = MARGIN.left + AXIS_WIDTH;
  for (const series of chart.series) {
    content.fill(x, top - 9, 9, 9, COLOURS[series.colour]);
    content.text(fonts.regular, LABEL_SIZE + 1, x + 13, top - 8, series.name);
    x += 13 + fonts.regular.width(series.name, LABEL_SIZE + 1) + 18;
  }
}

function drawAxes(content: PageContent, fonts: CellFonts, plot: Plot): void {
  for (let tick = 0; tick <= TICKS; tick += 1) {
    const value = (plot.max / TICKS) * tick;
    const y = plot.bottom + (plot.height / TICKS) * tick;
    if (tick > 0) content.greyLine(plot.left, y, plot.left + plot.width, y, 0.82);
    const label = String(Math.round(value * 10) / 10).replace('.', ',');
    content.text(fonts.regular, LABEL_SIZE, plot.left - 4 - fonts.regular.width(label, LABEL_SIZE), y - LABEL_SIZE / 3, label);
  }
  content.line(plot.left, plot.bottom, plot.left + plot.width, plot.bottom);
  content.line(plot.left, plot.bottom, plot.left, plot.bottom + plot.height);
}

/** Category labels under their slot, cut with "…" when wider than the slot. */
function drawCategories(content: PageContent, fonts: CellFonts, chart: ReportChart, plot: Plot): void {
  const slot = plot.width / Math.max(1, chart.categories.length);
  chart.categories.forEach((category, index) => {
    const label = fit(category, slot - 4, (t) => fonts.regular.width(t, LABEL_SIZE));
    const x = plot.left + slot * index + (slot - fonts.regular.width(label, LABEL_SIZE)) / 2;
    content.text(fonts.regular, LABEL_SIZE, x, plot.bottom - LABEL_SIZE - 4, label);
  });
}

function drawBars(content: PageContent, chart: ReportChart, plot: Plot): void {
  const slot = plot.width / Math.max(1, chart.categories.length);
  const group = Math.min(slot * 0.7, 60 * chart.series.length);
  const bar = group / Math.max(1, chart.series.length);
  chart.categories.forEach((_, index) => {
    const start = plot.left + slot * index + (slot - group) / 2;
    chart.series.forEach((series, s) => {
      const height = (series.values[index] / plot.max) * plot.height;
      if (height > 0) content.fill(start + bar * s, plot.bottom, bar - 1, height, COLOURS[series.colour]);
    });
  });
}

function drawLines(content: PageContent, chart: ReportChart, plot: Plot): void {
  const slot = plot.width / Math.max(1, chart.categories.length);
  for (const series of chart.series) {
    const points = series.values.map((value, index): [number, number] => [plot.left + slot * (index + 0.5), plot.bottom + (value / plot.max) * plot.height]);
    content.polyline(points, COLOURS[series.colour], 1.6);
    for (const [x, y] of points) content.fill(x - 2, y - 2, 4, 4, COLOURS[series.colour]);
  }
}

function fit(text: string, width: number, measure: (t: string) => number): string {
  if (measure(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && measure(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
