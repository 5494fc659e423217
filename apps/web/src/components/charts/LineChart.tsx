// A line chart in plain SVG for the 12-period trend: one polyline per series over the periods, the
// value written at each point. Title and description for screen readers; a table carries the figures.
import { useId } from 'react';
import { Legend } from './BarChart';

export interface LineSeries {
  name: string;
  color: string;
  values: number[];
  /** Dashed, so series differ by more than their colour. */
  dashed?: boolean;
}

interface Props {
  title: string;
  description: string;
  labels: string[];
  series: LineSeries[];
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 36, right: 12, top: 12, bottom: 58 };

export function LineChart({ title, description, labels, series }: Props) {
  const id = useId();
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max];
  return (
    <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ width: '100%', maxWidth: WIDTH, height: 'auto' }}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e8e8e8" />
          <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#595959">
            {t}
          </text>
        </g>
      ))}
      {labels.map((label, i) => (
        <text key={label} x={x(i)} y={PAD.top + plotH + 16} textAnchor="middle" fontSize={10} fill="#595959">
          {label}
        </text>
      ))}
      {series.map((s) => (
        <g key={s.name}>
          <polyline fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.dashed ? '6 4' : undefined} points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
          {s.values.map((v, i) => (
            <circle key={i} cx={x(i)} cy={y(v)} r={3} fill={s.color} />
          ))}
        </g>
      ))}
      <Legend series={series} x={PAD.left} y={HEIGHT - 14} />
    </svg>
  );
}
