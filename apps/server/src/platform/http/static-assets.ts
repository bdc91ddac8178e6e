import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build assets never change under their name: browsers keep them a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current assets: always revalidated, so a new version is seen at once. */
export const REVALIDATE = 'no-cache';

/**
 * Serves the built web app: the files under `assets/` (content-hashed by the build) cached for a year
 * and immutable, everything else revalidated; each file as the brotli or gzip copy the build wrote
 * beside it (`.br`, `.gz`) when the browser accepts one. Returns whether a build was found.
 */
export async function registerWebAssets(
  app: FastifyInstance,
  webDistDir: string | undefined,
): Promise<boolean> {
  if (!webDistDir || !fs.existsSync(path.join(webDistDir, 'index.html'))) return false;
  const assetsDir = path.join(path.resolve(webDistDir), 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: webDistDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, file) => {
      response.setHeader('cache-control', path.resolve(file).startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
    },
  });
  return true;
}
