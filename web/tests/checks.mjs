// The checks beyond the scenarios: quick exit, privacy, accessibility and layout on every
// reachable screen in every language, right to left, the calm message, effects, offline use,
// and screenshots for review.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM, axe, context, ok, open, requests, same, shown, snapshot } from './harness.mjs';
import { serve } from '../serve.mjs';

const AXE = readFileSync(join(NPM, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Sends an event the way the page's own controls do. */
const send = (page, event) =>
  page.evaluate(async (e) => (await import(new URL('main.js', location.href).href)).send(e), event);

/** Leaves by `how` from a discreet page, then checks the neutral page and that Back shows nothing. */
async function leaveAndGoBack(browser, base, how) {
  const ctx = await context(browser);
  try {
    const page = await ctx.newPage();
    await page.goto('about:blank');
    await open(page, base);
    await page.click('a[data-target="info"]');
    await page.click('a[data-target="info/danger"]');
    const before = await page.evaluate(() => history.length);
    await how(page);
    await page.waitForURL((u) => u.searchParams.has('left'));
    await shown(page);
    const s = await snapshot(page);
    same([s.screen, s.mode, s.back, s.quick_exit], ['neutral', 'neutral', false, null], 'the neutral page');
    same(await page.evaluate(() => history.length), before, 'no history entry was added');
    await page.goBack();
    const after = await page.evaluate(() => [location.href, document.body?.innerText ?? '']);
    same(after, ['about:blank', ''], 'Back leads out of the site, to the page before it');
    await page.goForward();
    await shown(page);
    same((await snapshot(page)).screen, 'neutral', 'Forward brings the neutral page, not the content');
  } finally {
    await ctx.close();
  }
}

/**
 * Every screen reachable from the start, as the events that reach it: each link target once, and
 * each option of each question once, from the first state that asks it (so a flow's every
 * question, answer and outcome is shown without walking every path through it).
 */
async function crawl(page, visit) {
  const seen = new Set();
  const targets = new Set(['home']);
  const asked = new Set();
  const queue = [[]];
  let count = 0;
  while (queue.length) {
    const path = queue.shift();
    await page.evaluate(async (events) => {
      const m = await import(new URL('main.js', location.href).href);
      await m.start();
      for (const e of events) m.send(e);
    }, path);
    const s = await snapshot(page);
    if (s.alert || s.screen === 'stopped') throw new Error(`${JSON.stringify(path)} was refused`);
    const key = JSON.stringify(s.model);
    if (seen.has(key)) continue;
    seen.add(key);
    count += 1;
    await visit(page, s, path);
    for (const target of s.links) {
      if (targets.has(target)) continue;
      targets.add(target);
      queue.push([...path, { type: 'open', target }]);
    }
    for (const q of s.model.blocks.filter((b) => b.type === 'choice')) {
      if (asked.has(`${s.screen}#${q.id}`)) continue;
      asked.add(`${s.screen}#${q.id}`);
      for (const o of q.options) {
        if (!o.selected) queue.push([...path, { type: 'choose', question: q.id, option: o.id }]);
      }
    }
  }
  return count;
}

export async function checks({ browser, server, site, pack, screens, test }) {
  const base = server.url;
  const languages = pack.locales.map((l) => l.id);

  await test('quick exit by its button: the neutral page, Back shows no content', () =>
    leaveAndGoBack(browser, base, (page) => page.click('#exit .leave')),
  );

  await test('quick exit by Shift three times: the neutral page, Back shows no content', () =>
    leaveAndGoBack(browser, base, async (page) => {
      for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
    }),
  );

  await test('Shift for a capital letter does not count toward leaving', async () => {
    const ctx = await context(browser);
    const page = await ctx.newPage();
    await open(page, base);
    await page.click('a[data-target="info"]');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift+A');
    const s = await snapshot(page);
    await ctx.close();
    same([s.screen, s.model.quick_exit.presses], ['info', 0], 'still on the page, nothing counted');
  });

  await test('a new screen takes focus on its heading; an answer keeps focus on the option', async () => {
    const ctx = await context(browser);
    const page = await ctx.newPage();
    await open(page, base);
    const entries = await page.evaluate(() => history.length);
    await page.click('a[data-target="tools"]');
    same(await page.evaluate(() => [document.activeElement.tagName, document.activeElement.textContent]), ['H1', (await snapshot(page)).title], 'focus');
    await page.click('a[data-target="duties"]');
    await page.click('fieldset[data-question="role"] button[data-option="public"]');
    const f = await page.evaluate(() => [document.activeElement.dataset.option, document.activeElement.getAttribute('aria-pressed')]);
    same(await page.evaluate(() => history.length), entries, 'no history entries for screens');
    await ctx.close();
    same(f, ['public', 'true'], 'focus stays on the chosen option');
  });

  await test('effects: share or copy, read aloud, announce, links open only their schemes', async () => {
    const ctx = await context(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await ctx.newPage();
    await open(page, base);
    const r = await page.evaluate(async () => {
      const { platform } = await import(new URL('effects.js', location.href).href);
      const out = {};
      const shared = [];
      navigator.share = async (data) => shared.push(data);
      await platform.share('summary', 'Copied');
      out.shared = shared;
      navigator.share = undefined;
      await platform.share('summary two', 'Copied');
      out.clipboard = await navigator.clipboard.readText();
      out.live = document.getElementById('live').textContent;
      const spoken = [];
      speechSynthesis.speak = (u) => spoken.push([u.text, u.lang]);
      platform.speak('Hei', 'nb');
      out.spoken = spoken;
      const opened = [];
      window.open = (...a) => opened.push(a);
      platform.openUri('https://example.org/');
      out.opened = opened;
      try {
        platform.openUri('javascript:alert(1)');
        out.refused = false;
      } catch {
        out.refused = true;
      }
      return out;
    });
    await ctx.close();
    same(r, {
      shared: [{ text: 'summary' }],
      clipboard: 'summary two',
      live: 'Copied',
      spoken: [['Hei', 'nb']],
      opened: [['https://example.org/', '_blank', 'noopener,noreferrer']],
      refused: true,
    }, 'effects');
  });

  await test('leaving stops speech and clears the document before the page is replaced', async () => {
    const ctx = await context(browser);
    const page = await ctx.newPage();
    const calls = [];
    await page.exposeFunction('__note', (what) => calls.push(what));
    await open(page, base);
    await page.click('a[data-target="info"]');
    await page.evaluate(() => {
      speechSynthesis.cancel = () => window.__note('speech stopped');
      new MutationObserver(() => {
        if (!document.getElementById('app')) window.__note('document cleared');
      }).observe(document.body, { childList: true });
    });
    await page.click('#exit .leave');
    await page.waitForURL((u) => u.searchParams.has('left'));
    await ctx.close();
    same(calls.slice(0, 2), ['speech stopped', 'document cleared'], 'in order');
  });

  await test('the calm message: a stopped module, a refused event, an unknown block or effect', async () => {
    const ctx = await context(browser, { languages: ['nb'] });
    const page = await ctx.newPage();
    await open(page, base);
    // A refused event: the message stands above the unchanged screen.
    const before = await snapshot(page);
    await send(page, { type: 'open', target: 'nowhere' });
    let s = await snapshot(page);
    same([s.alert, s.screen, s.model], [true, 'home', before.model], 'refused event');
    same(await page.locator('.stopped .restart').innerText(), 'Start på nytt', 'its way back, in Norwegian');
    // A trap (what a panic is in WebAssembly), an unknown block and an unknown effect stop the page.
    const faults = ['trap', 'block', 'effect'];
    for (const fault of faults) {
      await open(page, base);
      await page.evaluate(async (name) => {
        const { WebApp } = await import(new URL('pkg/lykt_web.js', location.href).href);
        const real = WebApp.prototype.dispatch;
        WebApp.prototype.dispatch = function (e) {
          if (name === 'trap') throw new WebAssembly.RuntimeError('unreachable');
          const r = JSON.parse(real.call(this, e));
          if (name === 'block') r.transition.screen.blocks.push({ type: 'video' });
          if (name === 'effect') r.transition.effect = { type: 'teleport' };
          return JSON.stringify(r);
        };
      }, fault);
      await page.click('a[data-target="contacts"]');
      s = await snapshot(page);
      same([s.screen, s.title, s.model], ['stopped', 'Noe gikk galt', null], `${fault}: the calm message`);
      same(s.focused, 'BUTTON', `${fault}: focus on the way back`);
      await page.click('.stopped .restart');
      await shown(page);
      same((await snapshot(page)).screen, 'home', `${fault}: start again`);
    }
    await ctx.close();
  });

  let axeScreens = 0;
  for (const lang of languages) {
    await test(`axe and 200% text at 320 px on every reachable screen, ${lang}`, async () => {
      const ctx = await context(browser, { languages: [lang], viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      await open(page, base);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      const problems = [];
      const n = await crawl(page, async (p, s, path) => {
        same(s.lang, lang, 'the document language');
        for (const v of await axe(p, AXE)) problems.push(`${s.screen} ${JSON.stringify(path.at(-1) ?? {})}: ${v}`);
        const wide = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (wide > 0) problems.push(`${s.screen}: ${wide} px of horizontal scrolling`);
      });
      await ctx.close();
      axeScreens += n;
      if (problems.length) throw new Error(`${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`);
      return `${n} screens`;
    });
  }
  console.log(`        axe checked ${axeScreens} screens in ${languages.length} languages`);

  await test('right to left: the document, the layout and no sideways scrolling', async () => {
    const rtl = pack.locales.filter((l) => l.direction === 'rtl').map((l) => l.id);
    if (!rtl.length) console.log('        no right-to-left language is shipped yet: the renderer is checked with a screen marked rtl');
    const ctx = await context(browser, { languages: rtl.length ? [rtl[0]] : ['en'], viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    await open(page, base);
    await page.click('a[data-target="info"]');
    if (!rtl.length) {
      await page.evaluate(async () => {
        const { render } = await import(new URL('render.js', location.href).href);
        const { model } = await import(new URL('main.js', location.href).href);
        const noop = () => {};
        render({ ...JSON.parse(model()), direction: 'rtl' }, { back: 'Back' }, { event: noop, back: noop, leave: noop });
      });
    }
    const r = await page.evaluate(() => {
      const h1 = document.querySelector('#screen h1').getBoundingClientRect();
      const back = document.querySelector('#screen .back').getBoundingClientRect();
      const w = document.documentElement.clientWidth;
      return {
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.getElementById('screen')).direction,
        backAtRight: w - back.right < back.left,
        headingAtRight: w - h1.right <= h1.left,
        sideways: document.documentElement.scrollWidth - w,
      };
    });
    await ctx.close();
    same(r, { dir: 'rtl', direction: 'rtl', backAtRight: true, headingAtRight: true, sideways: 0 }, 'right to left');
  });

  await test(`screenshots of four screens in ${languages.length} languages`, async () => {
    mkdirSync(screens, { recursive: true });
    const shots = {
      start: [],
      'discreet-page': [{ type: 'open', target: 'info/safety' }],
      'minors-card': [{ type: 'open', target: 'minors/call-112' }],
      'indicator-checklist': [{ type: 'open', target: 'assess' }],
    };
    for (const lang of languages) {
      const ctx = await context(browser, { languages: [lang], viewport: { width: 390, height: 844 } });
      const page = await ctx.newPage();
      for (const [name, events] of Object.entries(shots)) {
        await open(page, base);
        for (const e of events) await send(page, e);
        const s = await snapshot(page);
        ok(!s.alert && s.screen !== 'stopped', `${lang} ${name}: shown`);
        await page.screenshot({ path: join(screens, `${lang}-${name}.png`), fullPage: true });
      }
      await ctx.close();
    }
    return screens;
  });

  await test('no cookie, storage entry or request to another origin; the cache holds only the site', async () => {
    const ctx = await context(browser);
    const page = await ctx.newPage();
    await open(page, base);
    await page.evaluate(() => navigator.serviceWorker.ready);
    for (const t of ['info', 'info/safety', 'contacts', 'tools', 'assess']) await send(page, { type: 'open', target: t });
    await page.click('#screen .back');
    const stored = await page.evaluate(async () => {
      const cached = [];
      for (const name of await caches.keys()) {
        for (const r of await (await caches.open(name)).keys()) cached.push(new URL(r.url).pathname);
      }
      return {
        local: localStorage.length,
        session: sessionStorage.length,
        databases: (await indexedDB.databases()).length,
        cached: cached.sort(),
      };
    });
    const cookies = await ctx.cookies();
    await ctx.close();
    same(cookies, [], 'cookies');
    same(stored, {
      local: 0,
      session: 0,
      databases: 0,
      cached: ['/', '/effects.js', '/lykt.css', '/main.js', '/pkg/lykt_web.js', '/pkg/lykt_web_bg.wasm', '/render.js'],
    }, 'storage');
    const origin = new URL(base).origin;
    const elsewhere = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('about:'));
    same(elsewhere, [], 'requests to another origin (all runs so far)');
    return `${requests.length} requests, all to ${origin}`;
  });

  await test('after one visit, the site works with the server stopped', async () => {
    const own = await serve(site);
    const ctx = await context(browser);
    const page = await ctx.newPage();
    await open(page, own.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await shown(page);
    ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker serves the page');
    await own.close();
    const down = await fetch(own.url).then(() => 'answered', () => 'down');
    same(down, 'down', 'the server is stopped');
    await page.reload();
    await shown(page);
    await page.click('a[data-target="info"]');
    await page.click('a[data-target="info/danger"]');
    let s = await snapshot(page);
    same([s.screen, s.alert], ['info/danger', false], 'reading offline');
    await page.click('#exit .leave');
    await page.waitForURL((u) => u.searchParams.has('left'));
    await shown(page);
    s = await snapshot(page);
    await ctx.close();
    same(s.screen, 'neutral', 'leaving offline');
  });
}
