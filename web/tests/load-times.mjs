// Cold loads of the site in headless Chromium, each in a fresh profile (no cache, no service
// worker): when the first screen is shown after navigation, and how long the core takes to open
// (parse, check and index the embedded content). Prints JSON with the medians.
//   node load-times.mjs SITE_DIR [RUNS]
import { context, launch } from './harness.mjs';
import { serve } from '../serve.mjs';

const [site, runs = '10'] = process.argv.slice(2);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serve(site);
const browser = await launch();
const first = [];
const opening = [];
try {
  for (let i = 0; i < Number(runs); i += 1) {
    const ctx = await context(browser);
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.waitForSelector('main[data-screen]');
    const [shown, ready, opened] = await page.evaluate(() =>
      ['lykt-first-screen', 'lykt-module-ready', 'lykt-opened'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
    );
    first.push(shown);
    opening.push(opened - ready);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const round = (x) => Math.round(x * 10) / 10;
console.log(
  JSON.stringify({
    first_screen_ms: round(median(first)),
    open_ms: round(median(opening)),
    runs: first.map(round),
  }),
);
