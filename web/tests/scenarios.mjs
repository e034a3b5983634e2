// The third runner of the shared scenario files (beside Rust and Kotlin): every step's event is
// done the way a person would do it on the page, and every expectation is checked on the
// rendered page, or on the core's screen model where the page shows nothing (an action's URI,
// the trigger's counters). A key it does not know fails the file.
import { context, open, same, shown, snapshot } from './harness.mjs';

/** Watches effects in the page: opened URIs (not really opened) and live-region announcements. */
async function watch(page) {
  await page.evaluate(async () => {
    if (window.__watched) return;
    window.__watched = { opened: [], shared: [], announced: [], spoken: [] };
    const { platform } = await import(new URL('effects.js', location.href).href);
    platform.openUri = (uri) => window.__watched.opened.push(uri);
    platform.share = async (text) => window.__watched.shared.push(text);
    platform.speak = (text, language) => window.__watched.spoken.push({ text, language });
    new MutationObserver(() => {
      const t = document.getElementById('live')?.textContent;
      if (t) window.__watched.announced.push(t);
    }).observe(document.getElementById('live'), { childList: true, subtree: true, characterData: true });
  });
  await page.evaluate(() => {
    window.__watched.opened.length = 0;
    window.__watched.shared.length = 0;
    window.__watched.announced.length = 0;
    window.__watched.spoken.length = 0;
  });
}

/** Moves the page's monotonic clock to `ms`, running any timer due by then. */
async function clockTo(page, ms) {
  const now = await page.evaluate(() => performance.now());
  if (ms < now) throw new Error(`the scenario's clock goes back to ${ms} ms (the page is at ${now})`);
  await page.clock.runFor(ms - now);
}

/** Clicks `selector` when the page has it; otherwise sends `event` to the app as the page would. */
async function clickOr(page, selector, event, tally) {
  const target = page.locator(selector);
  if ((await target.count()) > 0) {
    await target.first().click();
    tally.clicked += 1;
  } else {
    await page.evaluate(async (e) => {
      const { send } = await import(new URL('main.js', location.href).href);
      send(e);
    }, event);
    tally.sent += 1;
  }
}

const css = (v) => JSON.stringify(String(v));

/** Does one scenario event on the page. */
async function act(page, event, tally) {
  const keys = Object.keys(event);
  if (keys.length !== 1) throw new Error(`an event has one key: ${JSON.stringify(event)}`);
  const [key] = keys;
  const v = event[key];
  switch (key) {
    case 'open':
      return clickOr(page, `a[data-target=${css(v)}]`, { type: 'open', target: v }, tally);
    case 'act':
      return clickOr(page, `button[data-action=${css(v)}]`, { type: 'act', action: v }, tally);
    case 'press':
      return clickOr(page, `button[data-press=${css(v)}]`, { type: 'press', id: v }, tally);
    case 'back':
      return clickOr(page, '#screen .back', { type: 'back' }, tally);
    case 'quick_exit':
      return clickOr(page, '#exit .leave', { type: 'quick_exit' }, tally);
    case 'press':
      return clickOr(page, `button[data-press=${css(v)}]`, { type: 'press', id: v }, tally);
    case 'background':
    case 'foreground':
      // The page going out of view and back, at the scenario's time on the page's clock.
      await clockTo(page, v);
      return clickOr(page, '#no-such-control', { type: key, at_ms: v }, tally);
    case 'choose':
    case 'set_status': {
      // An answer to a question, or a status of a checklist item: the option's button either way.
      const [owner, value] = key === 'choose' ? ['question', 'option'] : ['item', 'status'];
      const selector = `fieldset[data-${owner}=${css(v[0])}] button[data-option=${css(v[1])}]`;
      return clickOr(page, selector, { type: key, [owner]: v[0], [value]: v[1] }, tally);
    }
    case 'input':
    case 'submit': {
      // Typing the whole value into the field (the page sends each change it follows), and for
      // a submit the keyboard's return key.
      const [field, value] = v;
      const target = page.locator(`[data-field=${css(field)}]`);
      if ((await target.count()) === 0) return clickOr(page, '#no-such-control', { type: key, field, value }, tally);
      await target.first().fill(value);
      if (key === 'submit') await page.locator(`[data-field=${css(field)}]`).first().press('Enter');
      tally.clicked += 1;
      return undefined;
    }
    case 'exit_key':
      await clockTo(page, v);
      await page.keyboard.press('Shift');
      tally.clicked += 1;
      return undefined;
    case 'tick':
      // Time passes (the page sends any tick the core asked for by then), and the scenario's
      // tick arrives as the page's timer would send it.
      await clockTo(page, v);
      return clickOr(page, '#no-such-control', { type: 'tick', at_ms: v }, tally);
    default:
      throw new Error(`unknown event ${key}`);
  }
}

/** The effect the step had, as the page carried it out. */
async function effectSeen(page, leftBefore) {
  const left = new URL(page.url()).searchParams.has('left');
  if (left && !leftBefore) return 'left';
  const w = await page.evaluate(() => window.__watched);
  if (w.opened.length) return { open_uri: w.opened.at(-1) };
  if (w.shared.length) return { share: w.shared.at(-1) };
  if (w.announced.length) return { announce: w.announced.at(-1) };
  if (w.spoken.length) return { speak: w.spoken.at(-1) };
  return null;
}

/** Checks one expectation; throws on a key this runner does not know. */
function check(key, want, s, effect, before) {
  switch (key) {
    case 'screen':
      return same(s.screen, want, key);
    case 'back':
      return same(s.back, want, key);
    case 'title':
    case 'window_title':
    case 'mode':
    case 'direction':
    case 'status':
    case 'status_kind':
    case 'first_action_label':
    case 'question':
    case 'options':
    case 'notices':
    case 'item_count':
    case 'buttons':
    case 'cards':
      return same(s[key], want, key);
    case 'card': {
      // The card as the page shows it: its sentence, the language and direction it is marked
      // with, and the Norwegian line.
      const c = s.card_blocks.find((b) => b.id === want.id);
      if (!c) return same('no such card', want, key);
      const got = Object.fromEntries(
        Object.keys(want).map((k) => {
          if (!(k in c)) throw new Error(`unknown card field ${k}`);
          return [k, c[k]];
        }),
      );
      return same(got, want, key);
    }
    case 'actions':
      return same(
        s.model.blocks.filter((b) => b.type === 'action').map((b) => b.action.uri),
        want,
        key,
      );
    case 'links':
      return same(s.links, want, key);
    case 'back_label':
      // The page shows it on its back button; where there is none, the model still carries it.
      return same(s.back_label ?? s.model.back_label, want, key);
    case 'tick_after_ms':
      return same(s.model.tick_after_ms, want, key);
    case 'read_aloud': {
      const spoken = effect && effect.speak;
      return same(spoken ? { language: spoken.language, first_line: spoken.text.split('\n')[0] } : null, want, key);
    }
    case 'first_action': {
      const a = s.model.blocks.find((b) => b.type === 'action');
      return same(a ? a.action.uri : null, want, key);
    }
    case 'links_include':
      return same(
        want.filter((t) => s.links.includes(t)),
        want,
        key,
      );
    case 'items':
      return same(Object.fromEntries(Object.keys(want).map((id) => [id, s.items[id] ?? null])), want, key);
    case 'quick_exit': {
      if (want === null) return same(s.quick_exit, null, key);
      if (!s.quick_exit) throw new Error('quick_exit: the page shows no quick-exit button');
      const fromModel = ['presses', 'presses_needed'];
      const got = Object.fromEntries(
        Object.keys(want).map((k) => {
          if (fromModel.includes(k)) return [k, s.model.quick_exit[k]];
          if (k in s.quick_exit) return [k, s.quick_exit[k]];
          throw new Error(`unknown quick_exit key ${k}`);
        }),
      );
      return same(got, want, key);
    }
    case 'effect':
      // Quick exit leaves to the web's neutral page whatever target the scenario's platform names.
      if (want && 'quick_exit' in want) return same(effect, 'left', `${key} (left to the neutral page)`);
      return same(effect, want, key);
    case 'error':
      same(s.alert, true, `${key} ${want}: the calm message`);
      return same(s.model, before.model, `${key} ${want}: the screen is unchanged`);
    default:
      throw new Error(`unknown expectation ${key}`);
  }
}

const FILE_KEYS = ['description', 'locales', 'at', 'platform', 'saved_work', 'steps'];
const FILE_REQUIRED = ['description', 'locales', 'at', 'steps'];
const STEP_KEYS = ['at', 'event', 'expect', 'note'];

function known(object, keys, what) {
  const unknown = Object.keys(object).filter((k) => !keys.includes(k));
  if (unknown.length) throw new Error(`unknown ${what} key ${unknown.join(', ')}`);
}

/** Replays one scenario file in a fresh browser profile; returns how events were done. */
export async function runScenario(browser, base, file) {
  known(file, FILE_KEYS, 'file');
  const missing = FILE_REQUIRED.filter((k) => !(k in file));
  if (missing.length) throw new Error(`a file needs ${missing.join(', ')}`);
  if (!Array.isArray(file.steps)) throw new Error('steps must be a list');
  // The browser build has no vault: run.mjs skips these files and says so.
  if (file.saved_work) throw new Error('saved work needs the vault, which the browser build leaves out');
  const ctx = await context(browser, { languages: file.locales });
  const tally = { clicked: 0, sent: 0 };
  try {
    const page = await ctx.newPage();
    const at = new Date(file.at);
    await page.clock.install({ time: new Date(at.getTime() - 60_000) });
    await page.clock.pauseAt(at);
    await open(page, base);
    for (const [i, step] of file.steps.entries()) {
      try {
        known(step, STEP_KEYS, 'step');
        if (step.at) {
          // The clock moves to the step's instant; the page shows its screen again, as it does
          // when it comes back into view.
          await page.clock.setSystemTime(new Date(step.at));
          await page.evaluate(async () => (await import(new URL('main.js', location.href).href)).refresh());
        }
        await watch(page);
        const before = await snapshot(page);
        const leftBefore = new URL(page.url()).searchParams.has('left');
        if (step.event) await act(page, step.event, tally);
        await shown(page);
        const effect = await effectSeen(page, leftBefore);
        const s = await snapshot(page);
        if (!step.expect) throw new Error('a step needs expect (it may be {})');
        for (const [key, want] of Object.entries(step.expect)) check(key, want, s, effect, before);
      } catch (e) {
        throw new Error(`step ${i + 1} ${JSON.stringify(step.event ?? {})}: ${e.message}`);
      }
    }
  } finally {
    await ctx.close();
  }
  return tally;
}
