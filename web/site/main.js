// Boots the page: loads the core, shows its screens, sends what the person does and carries out
// the effects. The session lives in this page's memory only: no history entries, no cookies,
// no storage, no request to any other origin.
import init, { WebApp } from './pkg/lykt_web.js';
import { render, renderStopped } from './render.js';
import { perform, platform } from './effects.js';

/** Used only when the core could not even open: it has no words to give. */
const NO_TEXT = { stopped_title: '⚠', stopped_text: '', stopped_restart: '↻', copied: '✓' };

let app = null;
let text = NO_TEXT;
let shown = null;
let tickTimer = 0;
let shiftAlone = false;

/** The shell's monotonic clock, for the quick-exit key and its ticks. */
const now = () => Math.round(performance.now());

const on = {
  event: send,
  back: () => send({ type: 'back' }),
  leave: () => (app ? send({ type: 'quick_exit' }) : platform.leave()),
};

/** Starts a session: on the start screen, or on the neutral page after a quick exit (`?left`). */
export async function start() {
  try {
    await init();
    performance.mark('lykt-module-ready');
    const languages = [...(navigator.languages || [navigator.language])];
    app?.free();
    app = new URLSearchParams(window.location.search).has('left')
      ? WebApp.left(languages)
      : new WebApp(languages);
    text = JSON.parse(app.shellText());
    document.documentElement.lang = app.locale();
    performance.mark('lykt-opened');
    show(JSON.parse(app.screen()));
    performance.mark('lykt-first-screen');
  } catch (e) {
    stop(e);
  }
}

/** Sends an event to the core, then shows the next screen and carries out its effect. */
export function send(event) {
  if (!app) return;
  try {
    const reply = JSON.parse(app.dispatch(JSON.stringify(event)));
    if (reply.error) {
      renderStopped(text, { whole: false });
      return;
    }
    const { screen, effect } = reply.transition;
    if (effect?.type === 'quick_exit') {
      leave();
      return;
    }
    show(screen);
    if (effect) perform(effect, text);
  } catch (e) {
    stop(e);
  }
}

/** Shows the current screen again at the current time (open-now states move on while a page waits). */
export function refresh() {
  if (!app) return;
  try {
    show(JSON.parse(app.screen()));
  } catch (e) {
    stop(e);
  }
}

/** The current screen model as the core gives it (JSON), or null once the module has stopped. */
export function model() {
  return app ? app.screen() : null;
}

function leave() {
  clearTimeout(tickTimer);
  app?.free();
  app = null;
  platform.leave();
}

/** Renders a screen; a new screen starts at the top with focus on its heading. */
function show(screen) {
  const fresh = shown !== screen.id;
  const focused = document.activeElement?.dataset?.focus;
  const y = window.scrollY;
  render(screen, text, on);
  shown = screen.id;
  const again = focused && document.querySelector(`[data-focus="${CSS.escape(focused)}"]`);
  if (fresh || !again) {
    window.scrollTo(0, 0);
    (document.querySelector('#screen [data-autofocus]') ?? document.querySelector('#screen h1'))?.focus();
  } else {
    again.focus({ preventScroll: true });
    if ('selectionStart' in again && again.type !== 'search') again.selectionStart = again.selectionEnd = again.value.length;
    window.scrollTo(0, y);
  }
  clearTimeout(tickTimer);
  const after = screen.tick_after_ms;
  if (after !== null && after !== undefined) {
    tickTimer = setTimeout(() => send({ type: 'tick', at_ms: now() }), after);
  }
}

/** The module stopped (a panic traps in WebAssembly) or the page failed: the calm message, and never the module again. */
function stop(error) {
  app = null;
  clearTimeout(tickTimer);
  renderStopped(text, { whole: true });
  console.error(error?.name || 'error');
}

// Shift pressed and released on its own, three times in time, leaves; Shift for a capital letter does not count.
document.addEventListener('keydown', (e) => {
  shiftAlone = e.key === 'Shift' && !e.repeat;
});
document.addEventListener('keyup', (e) => {
  if (e.key === 'Shift' && shiftAlone) send({ type: 'exit_key', at_ms: now() });
  shiftAlone = false;
});
// The core decides what a trip away ends (a discreet page is not shown again to whoever looks
// next); the page only says when it went and came back. Reading aloud stops when it goes.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState !== 'visible') platform.silence();
  send({ type: document.visibilityState === 'visible' ? 'foreground' : 'background', at_ms: now() });
});
window.addEventListener('error', (e) => stop(e.error));
window.addEventListener('unhandledrejection', (e) => stop(e.reason));

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
start();
