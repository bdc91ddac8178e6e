import { launchBrowser } from './harness.js';
const browser = await launchBrowser();
const page = await (await browser.newContext()).newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 500)));
await page.goto('http://127.0.0.1:3177/login');
await page.waitForTimeout(4000);
console.log((await page.content()).slice(0, 300));
await browser.close();
