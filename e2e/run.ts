/**
 * Runs the browser flows in e2e/flows against a freshly started Concord in Debian's Chromium and
 * prints a closing line `N passed, N failed`. Screenshots land in e2e/screenshots (ignored by git).
 */
import fs from 'node:fs';
import path from 'node:path';
import { assertAccessible } from './accessibility.js';
import { type Flow, launchBrowser, screenshotDir, startServer } from './harness.js';

const only = process.argv[2];
const flowDir = path.join(import.meta.dirname, 'flows');
const flowFiles = fs
  .readdirSync(flowDir)
  .filter((f) => f.endsWith('.flow.ts'))
  .sort();
const flows: { file: string; flow: Flow }[] = [];
for (const file of flowFiles)
  flows.push({ file, flow: (await import(path.join(flowDir, file))).flow as Flow });

fs.mkdirSync(screenshotDir, { recursive: true });
const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const { file, flow } of flows) {
    // A part of the flow's name, or its file's number (`npm run test:e2e -- 07`).
    if (only && !flow.name.includes(only) && !file.startsWith(only)) continue;
    const started = Date.now();
    const pages: import('playwright-core').Page[] = [];
    try {
      await flow.run({
        browser,
        baseUrl: server.baseUrl,
        newPage: async (width = 1440) => {
          const context = await browser.newContext({
            viewport: { width, height: width < 600 ? 812 : 900 },
            locale: 'zh-CN',
            deviceScaleFactor: 1,
          });
          const page = await context.newPage();
          page.setDefaultTimeout(15_000);
          pages.push(page);
          return page;
        },
        // Every page a flow photographs is also checked by axe: no critical or serious violation.
        screenshot: async (page, name) => {
          await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
          await assertAccessible(page, name);
        },
      });
      passed += 1;
      console.log(`  ✓ ${flow.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${flow.name}\n    ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      for (const [i, page] of pages.entries()) {
        await page
          .screenshot({ path: path.join(screenshotDir, `FAILED-${flow.name.replace(/\W+/g, '-')}-${i}.png`) })
          .catch(() => {});
      }
    } finally {
      for (const page of pages)
        await page
          .context()
          .close()
          .catch(() => {});
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
if (failed) console.log(`\nServer output:\n${server.output().slice(-4000)}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed || passed === 0 ? 1 : 0);
