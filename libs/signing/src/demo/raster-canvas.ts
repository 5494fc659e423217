type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/**
 * A transparent canvas with anti-aliased strokes, rings and polygons: just enough to draw the
 * demo signature and seal in code, so the demo needs no binary assets.
 */
export class RasterCanvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 4);
  }

  /** Paints `coverage` (0–1) of an opaque colour; overlapping ink keeps the darker coverage. */
  private paint(x: number, y: number, colour: Rgb, coverage: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || coverage <= 0) return;
    const at = (y * this.width + x) * 4;
    const alpha = Math.round(Math.min(1, coverage) * 255);
    if (alpha <= this.pixels[at + 3]) return;
    this.pixels.set([colour[0], colour[1], colour[2], alpha], at);
  }

  /** A round-capped polyline of the given width. */
  strokePolyline(points: Point[], width: number, colour: Rgb): void {
    for (let i = 1; i < points.length; i += 1) this.strokeSegment(points[i - 1], points[i], width / 2, colour);
  }

  private strokeSegment(a: Point, b: Point, radius: number, colour: Rgb): void {
    const [minX, maxX] = [Math.floor(Math.min(a[0], b[0]) - radius - 1), Math.ceil(Math.max(a[0], b[0]) + radius + 1)];
    const [minY, maxY] = [Math.floor(Math.min(a[1], b[1]) - radius - 1), Math.ceil(Math.max(a[1], b[1]) + radius + 1)];
    for (let y = minY; y <= maxY; y += 1) {
      for (let x = minX; x <= maxX; x += 1) {
        this.paint(x, y, colour, radius + 0.5 - distanceToSegment([x + 0.5, y + 0.5], a, b));
      }
    }
  }

  ring(centre: Point, radius: number, width: number, colour: Rgb): void {
    const outer = Math.ceil(radius + width);
    for (let y = Math.floor(centre[1] - outer); y <= centre[1] + outer; y += 1) {
      for (let x = Math.floor(centre[0] - outer); x <= centre[0] + outer; x += 1) {
        const distance = Math.hypot(x + 0.5 - centre[0], y + 0.5 - centre[1]);
        this.paint(x, y, colour, width / 2 + 0.5 - Math.abs(distance - radius));
      }
    }
  }

  /** Fills a polygon with 4×4 supersampling for smooth edges. */
  fillPolygon(points: Point[], colour: Rgb): void {
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    for (let y = Math.floor(Math.min(...ys)); y <= Math.ceil(Math.max(...ys)); y += 1) {
      for (let x = Math.floor(Math.min(...xs)); x <= Math.ceil(Math.max(...xs)); x += 1) {
        let inside = 0;
        for (let s = 0; s < 16; s += 1) {
          if (containsPoint(points, [x + ((s % 4) + 0.5) / 4, y + (Math.floor(s / 4) + 0.5) / 4])) inside += 1;
        }
        this.paint(x, y, colour, inside / 16);
      }
    }
  }
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function containsPoint(polygon: Point[], p: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [a, b] = [polygon[i], polygon[j]];
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}
