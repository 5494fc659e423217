// A grouped bar chart in plain SVG (no chart library: the bundle goal, docs/web.md). Accessible as an
// image with a title and a description; the same figures are always shown in a table beside it.
import { useId } from 'react';

export interface BarSeries {
  name: string;
  color: string;
  values: number[];
}

interface Props {
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
  /** Called with the category and series index when a bar is clicked (drill-down). */
  onBar?: (category: number, series: number) => void;
}

const ROW = 34;
const LABEL_WIDTH = 170;
const WIDTH = 640;

/** Horizontal bars, one row per category (long Vietnamese unit names read better on the left). */
export function BarChart({ title, description, categories, series, onBar }: Props) {
  const id = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const barHeight = (ROW - 10) / Math.max(1, series.length);
  const plot = WIDTH - LABEL_WIDTH - 40;
  const height = categories.length * ROW + 28;
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${height}`} style={{ width: '100%', maxWidth: WIDTH, height: 'auto' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {categories.map((category, c) => (
        <g key={`${category}-${c}`} transform={`translate(0, ${c * ROW})`}>
          <text x={LABEL_WIDTH - 8} y={ROW / 2 + 4} textAnchor="end" fontSize={12} fill="#262626">
            {category.length > 26 ? `${category.slice(0, 25)}…` : category}
          </text>
          {series.map((s, i) => {
            const value = s.values[c] ?? 0;
            const w = (value / max) * plot;
            return (
              <g key={s.name} onClick={onBar && value > 0 ? () => onBar(c, i) : undefined} style={{ cursor: onBar && value > 0 ? 'pointer' : undefined }}>
                <rect x={LABEL_WIDTH} y={5 + i * barHeight} width={Math.max(w, value > 0 ? 2 : 0)} height={barHeight - 2} fill={s.color} />
                <text x={LABEL_WIDTH + w + 4} y={5 + i * barHeight + barHeight / 2 + 3} fontSize={11} fill="#262626">
                  {value}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <Legend series={series} y={categories.length * ROW + 12} x={LABEL_WIDTH} />
    </svg>
  );
}

export function Legend({ series, x, y }: { series: { name: string; color: string }[]; x: number; y: number }) {
  return (
    <g transform={`translate(${x}, ${y})`}>
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(${i * 150}, 0)`}>
          <rect width={12} height={12} y={-9} fill={s.color} />
          <text x={16} fontSize={12} fill="#262626">
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}
