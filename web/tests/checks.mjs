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
 * question, answer and outcome is shown without walking every path through it). `follow` says
 * which link targets to take.
 */
async function crawl(page, visit, follow = () => true) {
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
      if (targets.has(target) || !follow(target)) continue;
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
  // The app's own languages and the translations of the discreet mode, as the pack declares them.
  const declared = [...pack.locales, ...(pack.translations ?? [])];
  const languages = declared.map((l) => l.id);

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
      // Utterances and voices the test can make (the browser's own take only its real voices).
      window.SpeechSynthesisUtterance = class {
        constructor(text) {
          Object.assign(this, { text, lang: '', voice: null });
        }
      };
      speechSynthesis.speak = (u) => spoken.push([u.text, u.lang, u.voice?.name ?? null]);
      speechSynthesis.getVoices = () => [];
      platform.speak('Hei', 'nb');
      const voices = [
        { name: 'Filipino', lang: 'fil-PH' },
        { name: 'Romanian', lang: 'ro_RO' },
      ];
      speechSynthesis.getVoices = () => voices;
      platform.speak('Da', 'ro');
      platform.speak('Oo', 'fil');
      platform.speak('نعم', 'ar');
      out.spoken = spoken;
      const cancelled = [];
      speechSynthesis.cancel = () => cancelled.push('cancel');
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      delete document.visibilityState;
      out.hiddenSilences = cancelled.length;
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
      // No voice list: the browser picks by language. A list without Arabic: nothing is read.
      spoken: [['Hei', 'nb', null], ['Da', 'ro', 'Romanian'], ['Oo', 'fil', 'Filipino']],
      hiddenSilences: 1,
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

  // Every screen in English, Norwegian and the right-to-left language; in the other translated
  // languages, the start and the discreet pages in the language, which is all they translate
  // (the toolkit stays in English and Norwegian; the cards in every language are crawled from
  // the three full runs).
  const whole = new Set(['en', 'nb', ...declared.filter((l) => l.direction === 'rtl').map((l) => l.id)]);
  const discreet = (target) => target === 'info' || target.startsWith('info/');
  let axeScreens = 0;
  for (const lang of languages) {
    const which = whole.has(lang) ? 'every reachable screen' : 'the start and every discreet page';
    await test(`axe and 200% text at 320 px on ${which}, ${lang}`, async () => {
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
      }, whole.has(lang) ? undefined : discreet);
      await ctx.close();
      axeScreens += n;
      if (problems.length) throw new Error(`${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`);
      return `${n} screens`;
    });
  }
  console.log(`        axe checked ${axeScreens} screens in ${languages.length} languages`);

  await test('right to left: the document, the layout, numbers left to right, no sideways scrolling', async () => {
    const rtl = declared.filter((l) => l.direction === 'rtl').map((l) => l.id);
    ok(rtl.length > 0, 'the pack ships a right-to-left language');
    const ctx = await context(browser, { languages: [rtl[0]], viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    await open(page, base);
    await page.click('a[data-target="info"]');
    const r = await page.evaluate(() => {
      const h1 = document.querySelector('#screen h1').getBoundingClientRect();
      const back = document.querySelector('#screen .back').getBoundingClientRect();
      const w = document.documentElement.clientWidth;
      // The first phone number written in groups ("22 33 11 60"): without its isolate the groups
      // would run from the right, so its first digit must be left of its last.
      const walker = document.createTreeWalker(document.getElementById('screen'), NodeFilter.SHOW_TEXT);
      let digits = null;
      while (!digits && walker.nextNode()) {
        if (walker.currentNode.parentElement.closest('[hidden]')) continue;
        const m = /\d+(?: \d+){2,}/.exec(walker.currentNode.data);
        if (m) {
          const box = (i) => {
            const range = document.createRange();
            range.setStart(walker.currentNode, i);
            range.setEnd(walker.currentNode, i + 1);
            return range.getBoundingClientRect();
          };
          const first = box(m.index);
          const last = box(m.index + m[0].length - 1);
          digits = { number: m[0], leftToRight: first.left < last.left && Math.abs(first.top - last.top) < 2 };
        }
      }
      return {
        dir: document.documentElement.dir,
        lang: document.documentElement.lang,
        direction: getComputedStyle(document.getElementById('screen')).direction,
        backAtRight: w - back.right < back.left,
        headingAtRight: w - h1.right <= h1.left,
        digitsLeftToRight: digits?.leftToRight ?? 'no number on the page',
        sideways: document.documentElement.scrollWidth - w,
      };
    });
    same(r, {
      dir: 'rtl',
      lang: rtl[0],
      direction: 'rtl',
      backAtRight: true,
      headingAtRight: true,
      digitsLeftToRight: true,
      sideways: 0,
    }, 'right to left');
    // The page has not been checked by a person: it says so first, with its way to the English page.
    await page.click('a[data-target="info/danger"]');
    const notice = await snapshot(page);
    same([notice.notices[0], notice.links[0]], ['info', 'info-en/danger'], 'the not-reviewed notice and its link');
    await page.click('a[data-target="info-en/danger"]');
    const en = await snapshot(page);
    same([en.screen, en.direction], ['info-en/danger', 'ltr'], 'the page in English reads left to right');
    await ctx.close();
  });

  await test('cards to show a person: right to left in Arabic on a left-to-right screen, read aloud in its language', async () => {
    const ctx = await context(browser, { languages: ['en'], viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    await open(page, base);
    await page.evaluate(async () => {
      const { platform } = await import(new URL('effects.js', location.href).href);
      window.__spoken = [];
      platform.speak = (text, language) => window.__spoken.push([text, language]);
    });
    await page.click('a[data-target="tools"]');
    await page.click('a[data-target="show"]');
    await page.click('a[data-target="show/ar"]');
    const r = await page.evaluate(() => {
      const card = document.querySelector('#screen [data-card="yes"]');
      const sentence = card.querySelector('.card-text');
      const norwegian = card.querySelector('.card-norwegian');
      const box = card.getBoundingClientRect();
      const line = (el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect();
      };
      return {
        page: document.documentElement.dir,
        sentence: [sentence.lang, sentence.dir, getComputedStyle(sentence).direction],
        atRight: box.right - line(sentence).right < line(sentence).left - box.left,
        norwegian: [norwegian.lang, norwegian.textContent],
        larger: parseFloat(getComputedStyle(sentence).fontSize) > parseFloat(getComputedStyle(norwegian).fontSize),
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      };
    });
    await page.click('#screen button[data-press="speak/yes"]');
    const spoken = await page.evaluate(() => window.__spoken);
    const button = await page.evaluate(() => {
      const b = document.querySelector('#screen button[data-press="speak/yes"]');
      return [b.textContent, document.getElementById(b.getAttribute('aria-describedby')).textContent];
    });
    await ctx.close();
    same(r, {
      page: 'ltr',
      sentence: ['ar', 'rtl', 'rtl'],
      atRight: true,
      norwegian: ['nb', 'Ja'],
      larger: true,
      sideways: 0,
    }, 'the Arabic card');
    same(spoken, [['نعم', 'ar']], 'read aloud in Arabic');
    same(button, ['Read aloud', 'Read this card aloud in العربية'], 'the button and what a screen reader adds');
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
