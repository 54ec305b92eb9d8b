import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/**
 * Renders build/icon.svg, the one source of the app icon, to the PNGs electron-builder packages:
 * build/icons/<n>x<n>.png is the Linux icon set, and build/icon.png (1024) is what electron-builder
 * converts to the macOS .icns and the Windows .ico at build time. Run `npm run icons` after
 * editing the SVG and commit the PNGs.
 */
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const buildDir = join(import.meta.dirname, '../build');

const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();

mkdirSync(join(buildDir, 'icons'), { recursive: true });
for (const size of SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), render(size));
writeFileSync(join(buildDir, 'icon.png'), render(1024));
console.log(`Rendered build/icon.png and build/icons/{${SIZES.join(',')}} from build/icon.svg.`);
