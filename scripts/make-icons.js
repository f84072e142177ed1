#!/usr/bin/env node
// Draws the add-in's icons (assets/icon-{16,32,64,80,128}.png): a white envelope on Office blue
// with a green check badge. Shapes are signed-distance functions sampled 4×4 per pixel, written
// as RGBA PNGs with node:zlib — no image library, the same bytes on every machine.
//   npm run build:icons
import { Buffer } from "node:buffer";
import { deflateSync, crc32 } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const GREEN = [0x10, 0x7c, 0x10];

/** Distance from p to a rounded rectangle (negative inside). */
function roundedRect(px, py, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function polyline(px, py, points, width) {
  let d = Infinity;
  for (let i = 0; i + 1 < points.length; i++) d = Math.min(d, segment(px, py, ...points[i], ...points[i + 1]));
  return d - width / 2;
}

const circle = (px, py, cx, cy, r) => Math.hypot(px - cx, py - cy) - r;

/** Painter's order: each layer is [distance function, colour]; inside when the distance is < 0. */
const LAYERS = [
  [(x, y) => roundedRect(x, y, 0.03, 0.03, 0.97, 0.97, 0.2), BLUE],
  [(x, y) => roundedRect(x, y, 0.14, 0.24, 0.86, 0.7, 0.06), WHITE],
  [(x, y) => polyline(x, y, [[0.17, 0.28], [0.5, 0.52], [0.83, 0.28]], 0.07), BLUE],
  [(x, y) => circle(x, y, 0.73, 0.71, 0.25), BLUE],
  [(x, y) => circle(x, y, 0.73, 0.71, 0.2), GREEN],
  [(x, y) => polyline(x, y, [[0.63, 0.71], [0.7, 0.78], [0.83, 0.63]], 0.065), WHITE],
];

function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour;
          for (const [shape, c] of LAYERS) if (shape(x, y) < 0) colour = c;
          if (colour) {
            acc[0] += colour[0];
            acc[1] += colour[1];
            acc[2] += colour[2];
            acc[3] += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      const covered = acc[3];
      pixels[o] = covered ? Math.round(acc[0] / covered) : 0;
      pixels[o + 1] = covered ? Math.round(acc[1] / covered) : 0;
      pixels[o + 2] = covered ? Math.round(acc[2] / covered) : 0;
      pixels[o + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return pixels;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

export function png(size) {
  const pixels = render(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4); // filter 0 per row
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL("../assets/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = new URL(`icon-${size}.png`, dir);
    writeFileSync(file, png(size));
    console.log(`assets/icon-${size}.png`);
  }
}
