/**
 * How soon the contract ledger shows its first rows in Chromium: the browser's performance clock
 * from navigation start to the first row in the table (seen by a MutationObserver in the page, so
 * no polling delay is counted), and the JavaScript the page transferred. Two kinds of round:
 * cold (a new browser context: empty cache, signed-in cookie only) and warm (a new tab in the same
 * context: the app's assets from the browser cache, as a user opening the ledger again).
 * The web app must be built (`npm run build:web`); this script builds nothing.
 *   npm run bench:web                                   (a fresh demo database in a temp dir)
 *   npm run bench:web -- --db sqlite:/tmp/concord-L.db --rounds 7
 *   npm run bench:web -- --db sqlite:/tmp/concord-S.db --path '/contracts?limit=200'
 * Prints the median and p99 per kind of round; no timing is asserted.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string' },
    rounds: { type: 'string', default: '7' },
    port: { type: 'string', default: '3971' },
    user: { type: 'string', default: 'zhang.wei' },
    // The ledger's URL: a page size or filters (`/contracts?limit=200` is a virtualised page).
    path: { type: 'string', default: '/contracts' },
  },
});
const rounds = Math.max(5, Number(args.rounds));
const ROW = '[data-testid="contracts-table"] .ant-table-row';

/** What the benchmark reads of the page (the server's tsconfig has no DOM types). */
interface PageWindow {
  __firstRowAt?: number;
}
interface ResourceTiming {
  initiatorType: string;
  name: string;
  transferSize: number;
}

const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-web-bench-'));
const databaseUrl = args.db ?? `sqlite:${path.join(dataDir, 'concord.db')}`;
const server = spawn(path.resolve('node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
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

/**
 * Records, inside the page, the performance clock when the first ledger row enters the DOM. A
 * string, not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 * It observes the document itself (its root element does not exist yet when an init script runs).
 */
const watchFirstRow = `(() => {
  const selector = ${JSON.stringify(ROW)};
  const observer = new MutationObserver(() => {
    if (window.__firstRowAt === undefined && document.querySelector(selector)) {
      window.__firstRowAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface Round {
  firstRow: number;
  scriptKb: number;
  scripts: number;
}

async function measure(context: BrowserContext): Promise<Round> {
  const tab = await context.newPage();
  await tab.addInitScript(watchFirstRow);
  await tab.goto(`${base}${args.path}`);
  await tab.locator(ROW).first().waitFor({ timeout: 60_000 });
  // The round ends when the page is quiet (its totals in): a request still running on the server
  // would otherwise slow the next round down.
  await tab.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
  const round = await tab.evaluate(() => {
    const scripts = performance
      .getEntriesByType('resource')
      .map((entry) => entry as unknown as ResourceTiming)
      .filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'));
    return {
      firstRow: (globalThis as unknown as PageWindow).__firstRowAt ?? Number.NaN,
      scriptKb: scripts.reduce((sum, entry) => sum + entry.transferSize, 0) / 1024,
      scripts: scripts.length,
    };
  });
  await tab.close();
  if (Number.isNaN(round.firstRow)) throw new Error('the page did not record its first row');
  return round;
}

/** Nearest-rank percentile of sorted figures. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function report(kind: string, results: Round[]) {
  const times = results.map((r) => r.firstRow).sort((a, b) => a - b);
  const kb = results.map((r) => r.scriptKb).sort((a, b) => a - b);
  console.log(
    `  ${kind.padEnd(5)} median ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms` +
      `  (rounds: ${results.map((r) => r.firstRow.toFixed(0)).join(', ')});` +
      ` JavaScript transferred ${percentile(kb, 50).toFixed(0)} KB in ${results[0].scripts} files`,
  );
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const viewport = { width: 1440, height: 900 };
  const login = await browser.newContext({ viewport });
  const page = await login.newPage();
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(args.user);
  await page.getByTestId('login-password').fill('Concord2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor({ timeout: 60_000 });
  const storageState = await login.storageState();
  await login.close();

  const cold: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext({ viewport, storageState });
    cold.push(await measure(context));
    await context.close();
  }
  const context = await browser.newContext({ viewport, storageState });
  await measure(context); // fills the cache
  const warm: Round[] = [];
  for (let round = 0; round < rounds; round++) warm.push(await measure(context));
  await context.close();

  console.log(
    `the contract ledger's first rows after navigation to ${args.path}, ${rounds} rounds each (${databaseUrl}):`,
  );
  report('cold', cold);
  report('warm', warm);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
