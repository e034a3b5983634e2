// Shared by the browser checks: Chromium from Debian driven by playwright-core, a record of
// every request, and the page's state read the way a person (or a screen reader) meets it.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The npm tools (playwright-core, axe-core) live outside the checkout (scripts/build-web.sh). */
export const NPM = process.env.LYKT_WEB_NPM;
const { chromium } = await import(pathToFileURL(join(NPM, 'node_modules/playwright-core/index.mjs')).href);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Every request any page made, for the check that none left the site's origin. */
export const requests = [];

export async function launch() {
  // A fresh user-data directory for every run (playwright-core makes one per launch).
  return chromium.launch({ executablePath: process.env.LYKT_CHROMIUM || '/usr/bin/chromium', args: FLAGS });
}

/** A new browser context (a fresh profile) whose requests are recorded; `languages` become navigator.languages. */
export async function context(browser, { languages = ['en'], ...options } = {}) {
  const ctx = await browser.newContext({ locale: languages[0], ...options });
  await ctx.addInitScript((list) => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => list });
  }, languages);
  ctx.on('request', (r) => requests.push(r.url()));
  return ctx;
}

/** Opens `url` and waits until a screen (or the calm message) is shown. */
export async function open(page, url) {
  await page.goto(url);
  await shown(page);
}

export async function shown(page) {
  await page.waitForSelector('main[data-screen]');
}

/** The rendered page as a person meets it, and the core's model of the screen. */
export function snapshot(page) {
  return page.evaluate(async () => {
    const main = document.getElementById('app');
    const t = (sel) => document.querySelector(sel)?.textContent ?? null;
    const leave = document.querySelector('#exit .leave');
    const items = {};
    for (const f of document.querySelectorAll('fieldset[data-item]')) {
      items[f.dataset.item] = f.querySelector('button[aria-pressed="true"]')?.dataset.option ?? null;
    }
    const { model } = await import(new URL('main.js', location.href).href);
    const m = model();
    return {
      screen: main.dataset.screen,
      mode: main.dataset.mode,
      back: !!document.querySelector('#screen .back'),
      back_label: t('#screen .back'),
      title: t('#screen h1'),
      window_title: document.title,
      direction: document.documentElement.dir,
      lang: document.documentElement.lang,
      status: t('#screen .status .status-text'),
      status_kind: document.querySelector('#screen .status')?.className.replace(/^status status-/, '') ?? null,
      first_action_label: t('#screen button[data-action]'),
      options: (() => {
        const q = document.querySelector('fieldset[data-question]');
        return q ? [...q.querySelectorAll('button[data-option]')].map((b) => b.dataset.option) : null;
      })(),
      notices: [...document.querySelectorAll('#screen .notice')].map((n) => n.className.replace(/^notice notice-/, '')),
      item_count: document.querySelectorAll('fieldset[data-item]').length,
      question: document.querySelector('fieldset[data-question]')?.dataset.question ?? null,
      links: [...document.querySelectorAll('a[data-target]')].map((a) => a.dataset.target),
      buttons: [...document.querySelectorAll('#screen button[data-press]')].map((b) => b.dataset.press),
      cards: [...document.querySelectorAll('#screen [data-card]')].map((c) => c.dataset.card),
      card_blocks: [...document.querySelectorAll('#screen [data-card]')].map((c) => {
        const sentence = c.querySelector('.card-text');
        return {
          id: c.dataset.card,
          text: sentence.textContent,
          language: sentence.lang,
          direction: sentence.dir,
          norwegian: c.querySelector('.card-norwegian').textContent,
        };
      }),
      items,
      quick_exit: leave && {
        label: leave.textContent,
        accessibility_label: leave.getAttribute('aria-label'),
        hint: t('#exit .hint'),
        progress: t('#exit .progress'),
      },
      alert: !!document.querySelector('.stopped[role="alert"]'),
      focused: document.activeElement?.tagName ?? null,
      model: m && JSON.parse(m),
    };
  });
}

/** Throws with `what` unless `got` equals `want` (compared as JSON). */
export function same(got, want, what) {
  const g = JSON.stringify(got);
  const w = JSON.stringify(want);
  if (g !== w) throw new Error(`${what}: got ${g}, want ${w}`);
}

export function ok(cond, what) {
  if (!cond) throw new Error(what);
}

/** Loads axe-core into the page (through DevTools, which the page's CSP does not govern). */
export async function axe(page, source) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}
