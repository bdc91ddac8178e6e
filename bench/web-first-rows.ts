/**
 * How soon the contract ledger shows its first rows, in Chromium, after navigation: the browser's
 * performance clock from navigation start to the first row in the table, and the JavaScript the
 * page transferred. The web app must be built (`npm run build:web`).
 *   npm run bench:web -- --db sqlite:/tmp/concord-L.db --rounds 7
 * Prints the median and the worst round; no timing is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite:/tmp/concord-bench-S.db' },
    rounds: { type: 'string', default: '7' },
    port: { type: 'string', default: '3971' },
  },
});
/** What the benchmark reads of a resource timing entry (the server's tsconfig has no DOM types). */
interface ResourceTiming {
  initiatorType: string;
  transferSize: number;
}

const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-web-bench-'));
const server = spawn(path.resolve('node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
  env: { ...process.env, PORT: String(port), DATABASE_URL: args.db, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('Concord is running')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill('zhang.wei');
  await page.getByTestId('login-password').fill('Concord2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();

  const rounds: { firstRow: number; scriptKb: number }[] = [];
  for (let round = 0; round < Number(args.rounds); round++) {
    // A cold tab each round except for the browser cache, as a user opening the ledger again.
    const tab = await context.newPage();
    await tab.goto(`${base}/contracts`);
    await tab.locator('[data-testid="contracts-table"] tbody tr.ant-table-row').first().waitFor();
    const figures = await tab.evaluate(() => {
      const scripts = performance
        .getEntriesByType('resource')
        .filter((entry) => (entry as unknown as ResourceTiming).initiatorType === 'script');
      return {
        firstRow: performance.now(),
        scriptKb:
          scripts.reduce((sum, entry) => sum + (entry as unknown as ResourceTiming).transferSize, 0) / 1024,
      };
    });
    rounds.push(figures);
    await tab.close();
  }
  const times = rounds.map((r) => r.firstRow).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`ledger's first rows after navigation, ${times.length} rounds (${args.db}):`);
  console.log(`  median ${median.toFixed(0)} ms, worst ${times[times.length - 1].toFixed(0)} ms`);
  console.log(
    `  JavaScript transferred: first round ${rounds[0].scriptKb.toFixed(0)} KB, later rounds ${rounds[rounds.length - 1].scriptKb.toFixed(0)} KB (cached)`,
  );
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
}
