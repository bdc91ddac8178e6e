import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compressible = /\.(js|css|html|svg|json|txt|map)$/;

/** The scripts index.html loads at once: its entry and the chunks it preloads (the login page). */
function initialScripts(indexHtml: string): string[] {
  return [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
}

/**
 * After the build: writes a brotli and a gzip copy beside every text asset (the server sends the one
 * the browser accepts, no compression per request), and prints the initial JavaScript gzipped, the
 * figure the web app's budget is held to (issue "fast at a million contracts": at most 250 KB).
 */
export function concordAssets(): Plugin {
  let outDir = '';
  return {
    name: 'concord-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = fs
        .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => compressible.test(file) && !file.endsWith('.map'));
      const gzipped = new Map<string, number>();
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const content = fs.readFileSync(full);
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
            gzip(content, { level: 9 }),
          ]);
          fs.writeFileSync(`${full}.br`, br);
          fs.writeFileSync(`${full}.gz`, gz);
          gzipped.set(file.split(path.sep).join('/'), gz.length);
        }),
      );
      const initial = initialScripts(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8'));
      const total = initial.reduce((sum, file) => sum + (gzipped.get(file) ?? 0), 0);
      console.log(
        `Initial JavaScript (the login page): ${(total / 1024).toFixed(1)} KB gzipped in ${initial.length} files (budget 250 KB)`,
      );
    },
  };
}
