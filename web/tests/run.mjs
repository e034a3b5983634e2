// Drives the web shell in headless Chromium: every shared scenario, quick exit, privacy,
// accessibility in every language, right-to-left and narrow layouts, the calm message, offline
// use, and screenshots for review. Prints "N passed, N failed" and exits 1 on any failure.
//   node run.mjs SITE_DIR REPO_ROOT SCREENS_DIR
// LYKT_WEB_ONLY=TEXT runs only the checks whose names contain TEXT (while working on one).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch } from './harness.mjs';
import { serve } from '../serve.mjs';
import { runScenario } from './scenarios.mjs';
import { checks } from './checks.mjs';

const [site, root, screens] = process.argv.slice(2);
const results = { passed: 0, failed: 0 };

async function test(name, fn) {
  if (process.env.LYKT_WEB_ONLY && !name.includes(process.env.LYKT_WEB_ONLY)) return;
  const t0 = Date.now();
  try {
    const note = await fn();
    results.passed += 1;
    console.log(`  ok    ${name}${note ? ` (${note})` : ''} ${Date.now() - t0} ms`);
  } catch (e) {
    results.failed += 1;
    console.log(`  FAIL  ${name}\n        ${String(e.stack || e).split('\n').slice(0, 4).join('\n        ')}`);
  }
}

function scenarioFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) return scenarioFiles(p);
      return n.endsWith('.json') ? [p] : [];
    });
}

const server = await serve(site);
const browser = await launch();
const pack = JSON.parse(readFileSync(join(root, 'core/content/pack.json'), 'utf8'));
try {
  const scenarios = join(root, 'tests/scenarios');
  const tally = { clicked: 0, sent: 0 };
  const files = scenarioFiles(scenarios).map((path) => [relative(scenarios, path), JSON.parse(readFileSync(path, 'utf8'))]);
  const saved = files.filter(([, file]) => file.saved_work === true).map(([name]) => name);
  if (saved.length) {
    console.log(`  skip  scenario ${saved.join(', ')}: saved work needs the vault, which the browser build leaves out`);
  }
  for (const [name, file] of files.filter(([, f]) => f.saved_work !== true)) {
    await test(`scenario ${name}`, async () => {
      const t = await runScenario(browser, server.url, file);
      tally.clicked += t.clicked;
      tally.sent += t.sent;
      return `${t.clicked} done on the page, ${t.sent} sent with nothing to click`;
    });
  }
  console.log(`        scenario events: ${tally.clicked} done on the page, ${tally.sent} sent to the app with nothing on the page to click`);
  await checks({ browser, server, site, pack, screens, test });
} finally {
  await browser.close();
  await server.close();
}
console.log(`web: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed ? 1 : 0);
