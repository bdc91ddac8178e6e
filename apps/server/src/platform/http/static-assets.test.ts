import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { IMMUTABLE, REVALIDATE } from './static-assets.js';

describe('web assets', () => {
  let dist: string;
  let app: FastifyInstance;
  const script = `console.log(${JSON.stringify('协和'.repeat(200))});`;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><script src="/assets/app-1a2b3c.js"></script>',
    );
    const file = path.join(dist, 'assets', 'app-1a2b3c.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    ({ app } = await buildApp({
      databaseUrl: 'sqlite::memory:',
      logLevel: 'silent',
      rateLimit: false,
      webDistDir: dist,
      sessionTtlHours: 12,
    }));
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends a hashed asset precompressed as the browser accepts it, cached for a year', async () => {
    const url = '/assets/app-1a2b3c.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('always revalidates the page that names the assets', async () => {
    for (const url of ['/', '/contracts', '/index.html']) {
      const page = await app.inject({ url });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe(REVALIDATE);
      expect(page.body).toContain('/assets/app-1a2b3c.js');
    }
  });
});
