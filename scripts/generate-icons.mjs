// Draws the add-in's icons (a radar: rings, a sweep and a blip) into assets/icon-<size>.png.
// Deterministic: the same pixels every run, so the committed PNGs only change when this file does.
// Run: npm run icons
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

const SIZES = [16, 32, 64, 80, 128];
const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const SAMPLES = 4; // supersampling per axis, for smooth edges

const BACKGROUND = [15, 108, 189]; // Fluent brand blue
const RING = [255, 255, 255];
const SWEEP = [140, 214, 255];
const BLIP = [255, 185, 0];

/** Colour and coverage of the glyph at a point in unit coordinates (centre 0,0; radius 1). */
function shade(x, y, size) {
  const r = Math.hypot(x, y);
  if (r > 1) return null;
  const line = Math.max(1.2 / size, 0.045) * 1.6; // ring thickness, never thinner than ~1 px
  const angle = Math.atan2(-y, x); // 0 = east, counter-clockwise positive
  const sweepFrom = Math.PI / 4;
  const sweepTo = Math.PI / 4 + Math.PI / 3;
  const blip = Math.hypot(x - 0.32, y + 0.38);
  if (blip < 0.16) return BLIP;
  for (const ringRadius of size <= 16 ? [0.55] : [0.35, 0.68]) {
    if (Math.abs(r - ringRadius) < line / 2) return RING;
  }
  if (r > 1 - line) return RING;
  // sweep line along sweepTo, with a fading wedge behind it
  const along = x * Math.cos(sweepTo) - y * Math.sin(sweepTo);
  const across = Math.abs(x * Math.sin(sweepTo) + y * Math.cos(sweepTo));
  if (along > 0 && across < line / 2) return RING;
  if (angle > sweepFrom && angle < sweepTo) {
    const t = (angle - sweepFrom) / (sweepTo - sweepFrom);
    return BACKGROUND.map((c, i) => Math.round(c + (SWEEP[i] - c) * t * 0.8));
  }
  return BACKGROUND;
}

function draw(size) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 2 - 1;
          const colour = shade(x * 1.02, y * 1.02, size);
          if (colour) {
            red += colour[0];
            green += colour[1];
            blue += colour[2];
            covered++;
          }
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = covered ? Math.round(red / covered) : 0;
      png.data[i + 1] = covered ? Math.round(green / covered) : 0;
      png.data[i + 2] = covered ? Math.round(blue / covered) : 0;
      png.data[i + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `icon-${size}.png`);
  writeFileSync(file, draw(size));
  console.log(`wrote ${file}`);
}
