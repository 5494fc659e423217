import { encodePng } from './png-encoder';
import { RasterCanvas } from './raster-canvas';

const SIGNATURE_BLUE = [0x12, 0x35, 0xb8] as const;
const SEAL_RED = [0xd4, 0x14, 0x1c] as const;

type Point = [number, number];

/** A blue handwritten-looking signature on a transparent background (ND 30: blue, transparent PNG). */
export function createDemoSignaturePng(): Buffer {
  const canvas = new RasterCanvas(600, 240);
  canvas.strokePolyline(sample(160, (t) => capitalLoop(t)), 6, SIGNATURE_BLUE);
  canvas.strokePolyline(sample(400, (t) => cursiveRun(t)), 5, SIGNATURE_BLUE);
  canvas.strokePolyline(sample(120, (t) => flourish(t)), 4, SIGNATURE_BLUE);
  return encodePng({ width: canvas.width, height: canvas.height, pixels: canvas.pixels, dotsPerInch: 300 });
}

function sample(count: number, curve: (t: number) => Point): Point[] {
  return Array.from({ length: count + 1 }, (_, i) => curve(i / count));
}

/** A tall slanted loop, like a capital "Đ". */
function capitalLoop(t: number): Point {
  const angle = t * 2 * Math.PI * 1.1 - Math.PI / 2;
  return [120 + 55 * Math.cos(angle) + 25 * (1 - t), 120 + 85 * Math.sin(angle) * (1 - 0.2 * t)];
}

/** Cursive lower-case letters: a prolate trochoid gives the connected loops of handwriting. */
function cursiveRun(t: number): Point {
  const angle = t * 7 * 2 * Math.PI;
  return [150 + 340 * t - 22 * Math.sin(angle), 140 - 32 * Math.cos(angle) - 30 * t];
}

/** The closing underline stroke, swept back to the left. */
function flourish(t: number): Point {
  return [520 - 440 * t, 175 + 25 * Math.sin(t * Math.PI) - 10 * t];
}

/** A red round seal: two rings, a ring of lettering marks and a star (ND 30: red, transparent PNG). */
export function createDemoSealPng(diameterMm = 36, dotsPerInch = 300): Buffer {
  const size = Math.round((diameterMm / 25.4) * dotsPerInch);
  const canvas = new RasterCanvas(size, size);
  const centre: Point = [size / 2, size / 2];
  canvas.ring(centre, size * 0.47, size * 0.03, SEAL_RED);
  canvas.ring(centre, size * 0.33, size * 0.012, SEAL_RED);
  drawLetteringMarks(canvas, centre, size);
  canvas.fillPolygon(star(centre, size * 0.15, size * 0.06), SEAL_RED);
  return encodePng({ width: size, height: size, pixels: canvas.pixels, dotsPerInch });
}

/** Short strokes around the band between the rings, standing in for the agency name lettering. */
function drawLetteringMarks(canvas: RasterCanvas, centre: Point, size: number): void {
  const marks = 44;
  for (let i = 0; i < marks; i += 1) {
    if (i % 11 === 0) continue; // word gaps
    const angle = (i / marks) * 2 * Math.PI;
    const inner = size * 0.37;
    const outer = size * 0.42;
    const lean = 0.04;
    const from: Point = [centre[0] + inner * Math.cos(angle - lean), centre[1] + inner * Math.sin(angle - lean)];
    const to: Point = [centre[0] + outer * Math.cos(angle + lean), centre[1] + outer * Math.sin(angle + lean)];
    canvas.strokePolyline([from, to], size * 0.012, SEAL_RED);
  }
}

function star(centre: Point, outer: number, inner: number): Point[] {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)] as Point;
  });
}
