import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Concord2026';

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await page.getByTestId('login-username').waitFor();
}

/** The menu entries the signed-in user is offered, by test id. */
export async function menuItems(page: Page): Promise<string[]> {
  await page.getByTestId('side-menu').waitFor();
  const ids = await page
    .locator('[data-testid^="menu-"]')
    .evaluateAll((elements) => elements.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.filter((id) => id !== 'menu-toggle' && !id.startsWith('menu-section-')).sort();
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
