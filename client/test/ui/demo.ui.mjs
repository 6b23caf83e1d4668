// What a user sees on `npm start`, checked in headless chromium: the demo workspace open in
// code-server with the packaged extension installed. Waits on DOM conditions, never on sleeps.
// Run by scripts/editor-test.mjs (it passes the page, the server URL and a screenshot helper).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { workbenchUrl } from '../../../scripts/browser.mjs';

const FILE = 'shop/ingress.yaml';
const PATHS_IN_FILE = 4; // "/", "api", "/static" on shop.example.com; "/" on admin.shop.example.com
const T = { timeout: 60_000 };

/** Distinct CodeLens titles currently rendered (each lens renders twice while the editor settles). */
function lensTitles(page) {
  return page.$$eval('.codelens-decoration a', (as) => [...new Set(as.map((a) => a.textContent?.replace(/\s+/g, ' ').trim() ?? ''))]);
}

/** The rendered colour of the first token whose text is exactly `text`. */
function tokenColor(page, text) {
  return page.evaluate((t) => {
    const span = [...document.querySelectorAll('.view-lines span span')].find((s) => s.textContent === t);
    return span ? getComputedStyle(span).color : undefined;
  }, text);
}

async function openDemo(page, url, demo) {
  const port = new URL(url).port;
  const payload = [['openFile', `vscode-remote://127.0.0.1:${port}${demo}/${FILE}`]];
  await page.goto(workbenchUrl(url, demo, payload));
  await page.waitForSelector('.monaco-editor .view-lines', T);
  await page.waitForFunction((name) => document.querySelector('.tab.active')?.textContent?.includes(name), 'ingress.yaml', T);
}

function waitForLenses(page, n) {
  return page.waitForFunction((n) => {
    const titles = new Set([...document.querySelectorAll('.codelens-decoration a')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim()));
    return [...titles].filter((t) => t?.startsWith('Try ')).length >= n;
  }, n, T);
}

async function codeLenses(page) {
  // The editor draws only the lenses in view: the admin host's is below the fold at 1400x900.
  await waitForLenses(page, PATHS_IN_FILE - 1);
  const above = (await lensTitles(page)).filter((t) => t.startsWith('Try '));
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+End');
  await page.locator('.codelens-decoration a', { hasText: 'Try https://admin.shop.example.com/' }).first().waitFor(T);
  const below = (await lensTitles(page)).filter((t) => t.startsWith('Try '));
  await page.keyboard.press('Control+Home');
  await page.waitForFunction(() => [...document.querySelectorAll('.view-lines .view-line')]
    .some((l) => l.textContent?.includes('ssl-redirect')), null, T); // the top of the file is drawn again
  await waitForLenses(page, PATHS_IN_FILE - 1);
  const titles = [...new Set([...above, ...below])];
  assert.equal(titles.length, PATHS_IN_FILE, titles.join(' | '));
  assert.ok(titles.includes('Try https://shop.example.com/ (Prefix)'), titles.join(' | '));
  assert.ok(titles.includes('Try https://shop.example.com/static (Prefix)'), titles.join(' | '));
  assert.ok(titles.includes('Try https://admin.shop.example.com/ (Exact)'), titles.join(' | '));
  return titles;
}

async function problemsPanel(page) {
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel', T);
  await page.waitForFunction(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
    .some((r) => r.textContent?.includes('must be an absolute path')), null, T);
  const rows = await page.$$eval('.markers-panel .monaco-list-row', (rs) => rs.map((r) => r.textContent ?? ''));
  const row = rows.find((r) => r.includes('must be an absolute path'));
  assert.match(row, /spec\.rules\[0\]\.http\.paths\[1\]\.path: Invalid value: "api": must be an absolute path/);
  assert.match(row, /ingress-lab\W*ingress\/path-absolute/, 'the Problems panel names the source and the rule id');
  // Files nobody opened are checked too: the blog's missing pathType is listed.
  await page.waitForFunction(() => [...document.querySelectorAll('.markers-panel .monaco-list-row')]
    .some((r) => r.textContent?.includes('ingress/path-type-required')), null, T);
  return rows;
}

async function statusBar(page) {
  const item = page.locator('.statusbar-item', { hasText: 'Ingress:' });
  await page.waitForFunction(() => [...document.querySelectorAll('.statusbar-item')]
    .some((i) => i.textContent?.includes('Ingress: no cluster')), null, T);
  return (await item.first().textContent())?.trim();
}

/** A stand-in for the shop's web Service, mapped in the profile's ingressLab.proxy.map. */
export async function startDemoUpstream() {
  const seen = [];
  const server = createServer((req, res) => {
    seen.push({ host: req.headers.host, url: req.url });
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>shop</title><h1>Welcome to the shop</h1><script>alert(1)</script>\n`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, seen, close: () => new Promise((r) => server.close(r)) };
}

/** Clicks a Try lens and waits for the result panel's page to show `expect` (its text). */
async function tryRoute(page, lens, expect) {
  await page.click(`.codelens-decoration a:has-text("${lens}")`);
  const panel = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await panel.locator('h1', { hasText: expect }).waitFor(T);
  return panel;
}

/** Puts the cursor `offset` characters into `needle` (its first occurrence in FILE) with Ctrl+G. */
async function goTo(page, demo, needle, offset) {
  const lines = readFileSync(join(demo, FILE), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  await page.click('.monaco-editor .view-lines');
  await page.keyboard.press('Control+G');
  await page.keyboard.type(`${line + 1}:${lines[line].indexOf(needle) + offset + 1}`);
  await page.keyboard.press('Enter');
}

/** The hover (Ctrl+K Ctrl+I) at a place in FILE, once it shows `expect`: its text and its links. */
async function hoverOn(page, demo, needle, offset, expect, shot) {
  await goTo(page, demo, needle, offset);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: expect }).first();
  await hover.waitFor(T);
  const result = { text: (await hover.innerText()).trim(), links: await hover.locator('a').allInnerTexts() };
  await shot?.();
  await page.keyboard.press('Escape');
  return result;
}

async function hovers(page, demo, shot) {
  const svc = await hoverOn(page, demo, 'name: web', 7, 'Service shop/web', () => shot('-hover-service'));
  assert.match(svc.text, /^Service shop\/web \(ClusterIP, from the workspace\)\n+Ports: 80\/http→8080 TCP/, svc.text);
  const tls = await hoverOn(page, demo, 'secretName: shop-tls', 13, 'Secret shop/shop-tls (kubernetes.io/tls)', () => shot('-hover-secret'));
  assert.match(tls.text, /SANs: shop\.example\.com, www\.shop\.example\.com/, tls.text);
  assert.match(tls.text, /Expires: \d{4}-\d\d-\d\d \(in \d+ days\)/, tls.text);
  assert.deepEqual(tls.links.filter((l) => /example\.com/.test(l)), [], 'host names in the certificate hover are text, not links');
  return [svc.text.split('\n')[0], tls.text.split('\n').find((l) => l.startsWith('SANs'))];
}

/** The completion list as a user types `pathType: ` (the space triggers it), in the editor's order; reverted after. */
async function pathTypeCompletion(page, demo, shot) {
  await goTo(page, demo, 'pathType: Prefix', 'pathType:'.length);
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('Delete');
  await page.keyboard.type(' ');
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  await page.waitForFunction(() => document.querySelectorAll('.suggest-widget.visible .monaco-list-row').length >= 3, null, T);
  const labels = await rows.locator('.label-name').allInnerTexts();
  await shot('-complete-pathtype');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1'); // File: Revert File, then wait until the lens reads Prefix again
  await page.keyboard.type('File: Revert File');
  await page.waitForSelector('.quick-input-list .monaco-list-row.focused:has-text("Revert File")', T);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.codelens-decoration a')]
    .some((a) => a.textContent?.includes('Try https://shop.example.com/ (Prefix)')), null, T);
  return labels;
}

async function grammar(page) {
  const [prefix, plain] = [await tokenColor(page, 'Prefix'), await tokenColor(page, 'web')];
  assert.ok(prefix && plain && prefix !== plain, `pathType value coloured like any scalar (${prefix} vs ${plain})`);
  const [annPrefix, annName] = [await tokenColor(page, 'nginx.ingress.kubernetes.io/'), await tokenColor(page, 'ssl-redirect')];
  assert.ok(annPrefix && annName && annPrefix !== annName, `annotation prefix not highlighted (${annPrefix} vs ${annName})`);
}

/** Opens the "Ingress Lab" activity-bar container and waits for the Routes view's hosts and paths. */
async function routesPanel(page) {
  await page.click('.activitybar .action-item a[aria-label^="Ingress Lab"]');
  const rows = '.part.sidebar .monaco-list-row';
  await page.waitForFunction((sel) => {
    const text = [...document.querySelectorAll(sel)].map((r) => r.textContent ?? '');
    return text.some((t) => t.includes('shop.example.com')) && text.some((t) => t.includes('/static')) && text.some((t) => t.includes('web:8080'));
  }, rows, T);
  const labels = await page.$$eval(rows, (rs) => rs.map((r) => r.textContent?.replace(/\s+/g, ' ').trim() ?? ''));
  assert.ok(labels.some((l) => l.startsWith('shop.example.com')), labels.join(' | '));
  assert.ok(labels.some((l) => l.startsWith('blog.example.com')), labels.join(' | '));
  // Hosts with TLS show a lock, the others a globe; paths a link, Services a server.
  const icons = await page.$$eval(rows, (rs) => rs.map((r) => [...r.querySelectorAll('.codicon')].map((c) => c.className).join(' ')));
  for (const icon of ['lock', 'globe', 'link', 'server']) assert.ok(icons.some((c) => c.includes(`codicon-${icon}`)), `no ${icon} icon: ${icons.join(' | ')}`);
  return labels;
}

export async function scenario({ page, url, demo, shot, upstream }) {
  await openDemo(page, url, demo);
  const lenses = await codeLenses(page);
  console.log(`  ✔ ${lenses.length} "Try" CodeLenses above the paths of ${FILE}`);
  await grammar(page);
  console.log('  ✔ the injection grammar colours pathType values and ingress-nginx annotation prefixes');
  console.log(`  ✔ status bar: "${await statusBar(page)}" (cluster off in the test profile)`);
  const [svcHover, sans] = await hovers(page, demo, shot);
  console.log(`  ✔ hovers: "${svcHover}"; "${sans}" (plain text, no links)`);
  let panel = await tryRoute(page, 'Try https://shop.example.com/ (Prefix)', '200');
  const body = await panel.locator('pre').textContent();
  assert.match(body, /<h1>Welcome to the shop<\/h1><script>alert\(1\)<\/script>/, 'the body is shown as text, escaped');
  assert.deepEqual(upstream.seen.at(-1), { host: 'shop.example.com', url: '/' });
  await panel.locator('td', { hasText: 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)' }).first().waitFor(T);
  console.log('  ✔ Try https://shop.example.com/ through the proxy (HTTPS, local CA): 200 from the mapped upstream in the result panel');
  await shot('-try-route');
  // The same request through both rule sets: the Gateway API set's HTTPS listener for the TLS host sends it to the same upstream.
  await panel.locator('.actions button', { hasText: 'Try both (Ingress / Gateway API)' }).click();
  await panel.locator('h1', { hasText: 'Try both' }).waitFor(T);
  const verdict = await panel.locator('.verdict').textContent();
  assert.equal(verdict, `Same: both answer 200 OK from ${upstream.url}.`);
  const heads = await panel.locator('table.compare th').allInnerTexts();
  assert.deepEqual(heads.slice(1, 3).map((t) => t.replace(/\s+/g, ' ')), ['Ingress ingress-nginx profile', 'Gateway API converted + workspace HTTPRoutes']);
  console.log(`  ✔ Try both on https://shop.example.com/: "${verdict}"`);
  await shot('-try-both');
  panel = await tryRoute(page, 'Try https://shop.example.com/static', '503');
  const guidance = await panel.locator('.callout').textContent();
  // The demo's deliberate mistake: Service web has no port 8080. A mapping would only hide it.
  assert.match(guidance, /^Service shop\/web has no port 8080: fix the backend's port \(or the Service\)/);
  const buttons = await panel.locator('.actions button').allTextContents();
  assert.deepEqual(buttons, ['Re-run', 'Copy as curl', 'Try both (Ingress / Gateway API)'], 'no "open the mapping setting" button for a missing port');
  console.log(`  ✔ /static (port 8080 that Service web lacks): 503 with "${guidance.slice(0, 80)}…", buttons ${buttons.join(', ')}`);
  await shot('-try-route-503');
  // The demo's `path: api` (no leading "/"): its lens's own rule never gets a request, and the panel says that first.
  panel = await tryRoute(page, 'Try https://shop.example.com/api (Prefix)', 'GET https://shop.example.com/api');
  const first = await panel.locator('.callout').first().textContent();
  assert.match(first, /^This lens's own rule never gets a request: its path "api" does not start with "\/"/);
  console.log(`  ✔ the lens of "path: api": "${first.slice(0, 90)}…"`);
  await shot('-try-api');
  const types = await pathTypeCompletion(page, demo, shot);
  assert.deepEqual(types, ['Prefix', 'Exact', 'ImplementationSpecific'], 'the most used pathType first, not alphabetical');
  console.log(`  ✔ pathType completion: ${types.join(', ')}`);
  const rows = await problemsPanel(page);
  console.log(`  ✔ Problems panel: ${rows.length} rows, the relative path among them`);
  await shot('-problems');
  const routes = await routesPanel(page);
  console.log(`  ✔ Routes view: ${routes.length} rows (hosts, paths, Service:port), with their icons`);
  await shot('-routes');
}
