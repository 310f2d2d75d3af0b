// The API explorer in a real browser: headless Chromium from the system (no browser
// download), driven by playwright-core. Usage: node explorer.mjs <port> [screenshot-dir]
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const port = process.argv[2];
const shots = process.argv[3] || 'target/explorer';
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const results = [];
const check = (name, ok, detail) => {
	results.push(ok);
	console.log((ok ? 'PASS ' : 'FAIL ') + name + (ok || detail === undefined ? '' : ' ' + JSON.stringify(detail)));
};
const attempt = async (name, body) => {
	try {
		await body();
		check(name, true);
	}
	catch (ex) {
		check(name, false, String(ex.message || ex).split('\n')[0]);
	}
};

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
page.setDefaultTimeout(10000);
const errors = [];
page.on('pageerror', (error) => errors.push(String(error)));

await attempt('root / leads to the explorer', async () => {
	await page.goto(`http://127.0.0.1:${port}/`);
	if (!page.url().endsWith('/jsonrpc/explorer')) throw new Error('landed on ' + page.url());
});

await attempt('explorer lists subtract from rpc.discover', async () => {
	await page.locator('#methods button[data-method="subtract"]').waitFor();
});

await attempt('subtract called with 42 and 23 answers 19', async () => {
	await page.locator('#methods button[data-method="subtract"]').click();
	await page.locator('#param-minuend').fill('42');
	await page.locator('#param-subtrahend').fill('23');
	await page.locator('#call').click();
	await page.waitForFunction(() => document.getElementById('response').textContent.includes('"result": 19'));
	await page.screenshot({ path: `${shots}/explorer-subtract.png` });
});

await attempt('anonymous caller does not see whoami', async () => {
	if (await page.locator('#methods button[data-method="whoami"]').count() !== 0) throw new Error('whoami listed');
});

await attempt('logged in as alice, whoami answers "alice"', async () => {
	await page.locator('#username').fill('alice');
	await page.locator('#password').fill('alice-secret');
	await page.locator('#login-button').click();
	await page.waitForFunction(() => document.getElementById('login-state').textContent === 'alice');
	await page.locator('#methods button[data-method="whoami"]').click();
	await page.locator('#call').click();
	await page.waitForFunction(() => document.getElementById('response').textContent.includes('"result": "alice"'));
	await page.screenshot({ path: `${shots}/explorer-whoami.png` });
});

await attempt('wrong password is refused', async () => {
	const other = await browser.newPage();
	await other.goto(`http://127.0.0.1:${port}/jsonrpc/explorer`);
	await other.locator('#methods button[data-method="subtract"]').waitFor();
	await other.locator('#username').fill('alice');
	await other.locator('#password').fill('wrong');
	await other.locator('#login-button').click();
	await other.waitForFunction(() => document.getElementById('login-state').textContent === 'login failed');
	await other.close();
});

await attempt('subscribed to clock over WebSocket, a notification appears', async () => {
	await page.locator('#ws-connect').click();
	await page.waitForFunction(() => document.getElementById('ws-state').textContent.startsWith('connected'));
	await page.locator('#topic').fill('clock');
	await page.locator('#subscribe').click();
	await page.waitForFunction(() => document.querySelectorAll('#notifications li').length > 0);
	const first = await page.locator('#notifications li').first().textContent();
	if (!first.includes('clock')) throw new Error('unexpected notification ' + first);
});

await attempt('a call over WebSocket answers as over HTTP', async () => {
	await page.locator('#methods button[data-method="subtract"]').click();
	await page.locator('#param-minuend').fill('42');
	await page.locator('#param-subtrahend').fill('23');
	await page.locator('#transport').selectOption('websocket');
	await page.locator('#call').click();
	await page.waitForFunction(() => document.getElementById('response').textContent.includes('"result": 19'));
	await page.screenshot({ path: `${shots}/explorer.png` });
});

check('no script errors in the page', errors.length === 0, errors);
await browser.close();
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
