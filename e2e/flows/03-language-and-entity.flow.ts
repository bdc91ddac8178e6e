import type { Flow } from '../harness.js';
import { assert, signIn } from './helpers.js';

/** The language switch changes the whole UI and sticks; the entity switcher changes what the user acts on. */
export const flow: Flow = {
  name: 'language switch and entity switcher',
  async run({ baseUrl, newPage, screenshot }) {
    const page = await newPage();
    await signIn(page, baseUrl, 'admin');
    assert(
      ((await page.getByTestId('menu-users').textContent()) ?? '').includes('用户'),
      'Chinese menu by default',
    );

    await page.getByTestId('language-switch').click();
    await page.getByTestId('menu-users').getByText('Users').waitFor();
    await page.reload();
    await page.getByTestId('menu-users').getByText('Users').waitFor();
    await screenshot(page, 'flow-03-english');

    await page.getByTestId('entity-switcher').click();
    await page.locator('.ant-select-item-option', { hasText: '协和建设' }).first().click();
    await page.getByTestId('entity-switcher').getByText('协和建设').first().waitFor();
    await page.goto(`${baseUrl}/system/departments`);
    await page.getByTestId('departments-table').getByText('工程部').first().waitFor();
    await screenshot(page, 'flow-03-acting-in-subsidiary');

    // The choice is saved to the admin's profile: switch back so later flows see the default language.
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/auth/profile') && r.request().method() === 'PATCH'),
      page.getByTestId('language-switch').click(),
    ]);
    await page.getByTestId('menu-users').getByText('用户').waitFor();
  },
};
