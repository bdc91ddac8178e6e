import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// The page's globals, as the code evaluated in the browser sees them (e2e compiles without the DOM lib).
declare const window: Record<string, unknown>;
declare const document: unknown;

/**
 * axe-core, the standard accessibility engine, run on a page the flows visit. A critical or serious
 * violation fails the flow (contrast below 4.5:1, a control without a name, ...), as do a page
 * without its one h1 or without a main landmark (axe rates those moderate, Concord requires them).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** antd's enter and leave animations (zoom for dialogs, move-up for messages, slide for drawers). */
const ANIMATING = '[class*="-leave"], [class*="-enter"], [class*="-appear"]';

const requiredAnyImpact = new Set(['page-has-heading-one', 'landmark-one-main']);

export async function accessibilityProblems(page: Page): Promise<string[]> {
  // A dialog or message still animating in or out is checked once it has settled.
  await page
    .waitForFunction(
      (selector) => !(document as { querySelector(s: string): unknown }).querySelector(selector),
      ANIMATING,
      { timeout: 3000 },
    )
    .catch(() => {});
  // Colour transitions (a menu item just selected fades to white over 0.3 s) are not classes.
  await page.waitForTimeout(400);
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    const axe = window.axe as { run(context: unknown, options: object): Promise<{ violations: unknown[] }> };
    // antd's calendar popup is left out: its month/year buttons' names and its greyed days of other
    // months are antd's own (nothing Concord renders there).
    return (await axe.run({ exclude: ['.ant-picker-dropdown'] }, { resultTypes: ['violations'] })).violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious' || requiredAnyImpact.has(v.id))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .slice(0, 3)
          .map((n) => `      ${n.target.join(' ')} ${(n.failureSummary ?? '').split('\n')[1]?.trim() ?? ''}`)
          .join('\n')}`,
    );
}

export async function assertAccessible(page: Page, name: string): Promise<void> {
  const problems = await accessibilityProblems(page);
  if (problems.length > 0) throw new Error(`axe found on "${name}":\n    ${problems.join('\n    ')}`);
}
