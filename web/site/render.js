// The one generic renderer: a screen model of the core as semantic HTML. Every block type and
// every status is one case; an unknown one throws, and the page shows its calm message.

/** Marks beside status lines, so that no state is told by colour alone. */
const STATUS_MARKS = { open: '●', closed: '○', always_open: '◉', not_stated: '?', holiday: '◐', info: 'i' };

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'className') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** Option buttons of a question or a checklist item; the chosen one is pressed. */
function options(list, key, onPick) {
  return el(
    'div',
    { className: 'options' },
    ...list.map((o) =>
      el('button', {
        type: 'button',
        className: 'option',
        'data-option': o.id,
        'data-focus': `${key}/${o.id}`,
        'aria-pressed': o.selected ? 'true' : 'false',
        text: o.label,
        onclick: () => onPick(o.id),
      }),
    ),
  );
}

/**
 * How each kind of field keeps what is typed to itself: a PIN is hidden and kept from autofill,
 * password managers and spelling services; a note or label is kept from suggestions and spelling.
 */
const FIELD_KINDS = {
  text: { type: 'text', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' },
  pin: {
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    autocapitalize: 'off',
    autocorrect: 'off',
    'data-1p-ignore': true,
    'data-lpignore': 'true',
  },
  search: { type: 'search', autocomplete: 'off', spellcheck: 'false' },
  note: { autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' },
};

/** A text field in a form: the label, the field, its hint and error, and the submit button. */
function field(b, on) {
  const attrs = FIELD_KINDS[b.kind];
  if (!attrs) throw new Error(`unknown field kind ${b.kind}`);
  const id = `field-${b.id}`;
  const hint = b.hint ? el('p', { className: 'hint', id: `${id}-hint`, text: b.hint }) : null;
  const error = b.error ? el('p', { className: 'error', id: `${id}-error`, text: b.error }) : null;
  const input = el(b.kind === 'note' ? 'textarea' : 'input', {
    ...attrs,
    id,
    name: b.id,
    maxlength: b.max_chars,
    'data-field': b.id,
    'data-focus': `field/${b.id}`,
    'aria-invalid': b.error ? 'true' : null,
    'aria-describedby': [error?.id, hint?.id].filter(Boolean).join(' ') || null,
    // A PIN is never sent before it is submitted; other fields follow each change (search).
    oninput: b.kind === 'pin' ? null : (e) => on.event({ type: 'input', field: b.id, value: e.target.value }),
  });
  input.value = b.value;
  if (b.focus) input.dataset.autofocus = 'true';
  const submit = b.submit_label ? el('button', { type: 'submit', className: 'submit', text: b.submit_label }) : null;
  return el(
    'form',
    {
      className: `field field-${b.kind}`,
      'data-form': b.id,
      autocomplete: 'off',
      onsubmit: (e) => {
        e.preventDefault();
        const value = input.value;
        if (b.kind === 'pin') input.value = '';
        on.event({ type: 'submit', field: b.id, value });
      },
    },
    el('label', { for: id, text: b.label }),
    input,
    hint,
    error,
    submit,
  );
}

/** One block of the closed set. */
function block(b, on) {
  switch (b.type) {
    case 'heading':
      return el('h2', { text: b.text });
    case 'paragraph':
      return el('p', { text: b.text });
    case 'bullet_list':
      return el('ul', {}, ...b.items.map((i) => el('li', { text: i })));
    case 'action': {
      // The visible label stays the button's name (voice control says what it sees); what a
      // screen reader should hear (the name and the digits one by one) is its description.
      const said = el('span', { id: `said-${b.action.id}`, hidden: true, text: b.action.accessibility_label });
      const button = el('button', {
        type: 'button',
        className: `action action-${b.action.kind}`,
        'data-action': b.action.id,
        'data-focus': `action/${b.action.id}`,
        'aria-describedby': said.id,
        text: b.action.label,
        onclick: () => on.event({ type: 'act', action: b.action.id }),
      });
      return el('div', { className: 'action-block' }, button, said);
    }
    case 'status': {
      const mark = STATUS_MARKS[b.state];
      if (!mark) throw new Error(`unknown status ${b.state}`);
      return el(
        'p',
        { className: `status status-${b.state}` },
        el('span', { className: 'mark', 'aria-hidden': 'true', text: mark }),
        el('span', { className: 'status-text', text: b.text }),
      );
    }
    case 'notice':
      return el('div', { className: `notice notice-${b.level}`, role: 'note' }, el('p', { text: b.text }));
    case 'choice':
      return el(
        'fieldset',
        { className: 'choice', 'data-question': b.id },
        el('legend', { text: b.prompt }),
        options(b.options, `choice/${b.id}`, (option) =>
          on.event({ type: 'choose', question: b.id, option }),
        ),
      );
    case 'checklist_item':
      return el(
        'fieldset',
        { className: 'item', 'data-item': b.id, 'data-status': b.status },
        el('legend', { text: b.text }),
        b.detail ? el('p', { className: 'detail', text: b.detail }) : null,
        el('p', { className: 'item-status', text: b.status_label }),
        options(b.options, `item/${b.id}`, (status) =>
          on.event({ type: 'set_status', item: b.id, status }),
        ),
      );
    case 'card':
      // The sentence in the person's language and its own direction (an Arabic card reads from
      // the right on a page that does not), large, with the Norwegian under it.
      return el(
        'div',
        { className: 'card', 'data-card': b.id },
        el('p', { className: 'card-text', lang: b.language, dir: b.direction, text: b.text }),
        el('p', { className: 'card-norwegian', lang: 'nb', dir: 'ltr', text: b.norwegian }),
      );
    case 'button': {
      // As with actions: the visible label is the button's name, the longer words its description.
      const said = el('span', { id: `said-${b.id}`, hidden: true, text: b.accessibility_label });
      const button = el('button', {
        type: 'button',
        className: 'press',
        'data-press': b.id,
        'data-focus': `press/${b.id}`,
        'aria-describedby': said.id,
        text: b.label,
        onclick: () => on.event({ type: 'press', id: b.id }),
      });
      return el('div', { className: 'press-block' }, button, said);
    }
    case 'text_input':
      return field(b, on);
    case 'link':
      return el(
        'a',
        {
          href: './',
          className: 'link',
          'data-target': b.target,
          'data-focus': `link/${b.target}`,
          onclick: (e) => {
            if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            on.event({ type: 'open', target: b.target });
          },
        },
        el('span', { className: 'label', text: b.label }),
        b.detail ? el('span', { className: 'detail', text: b.detail }) : null,
      );
    default:
      throw new Error(`unknown block ${b.type}`);
  }
}

/** The quick-exit button, how to use the keyboard instead, and the keyboard's progress. */
function quickExit(q, on) {
  return el(
    'div',
    { className: 'quick-exit' },
    el('button', {
      type: 'button',
      className: 'leave',
      'aria-label': q.accessibility_label,
      text: q.label,
      onclick: on.leave,
    }),
    el('p', { className: 'hint', text: q.hint }),
    q.progress ? el('p', { className: 'progress', text: q.progress }) : null,
  );
}

/**
 * Renders `screen` into the page. `text` holds the page's own words from the core; `on.event`
 * sends an event, `on.leave` leaves at once.
 */
export function render(screen, text, on) {
  const root = document.documentElement;
  if (screen.direction !== 'ltr' && screen.direction !== 'rtl') {
    throw new Error(`unknown direction ${screen.direction}`);
  }
  const parts = [
    screen.back_available
      ? el('button', {
          type: 'button',
          className: 'back',
          'data-focus': 'back',
          'aria-label': screen.back_accessibility_label,
          text: screen.back_label,
          onclick: on.back,
        })
      : null,
    el('h1', { tabindex: '-1', text: screen.title }),
    ...screen.blocks.map((b) => block(b, on)),
  ];
  const exit = screen.quick_exit ? quickExit(screen.quick_exit, on) : null;
  root.dir = screen.direction;
  document.title = screen.window_title;
  const main = document.getElementById('app');
  main.dataset.screen = screen.id;
  main.dataset.mode = screen.mode;
  document.getElementById('exit').replaceChildren(...(exit ? [exit] : []));
  document.getElementById('screen').replaceChildren(...parts.filter(Boolean));
}

/** The calm message: after a stopped module it replaces the screen; after a refused event it stands above it. */
export function renderStopped(text, { whole }) {
  const restart = el('button', {
    type: 'button',
    className: 'restart',
    text: text.stopped_restart,
    onclick: () => window.location.replace('./'),
  });
  const message = el(
    'div',
    { className: 'stopped', role: 'alert' },
    el(whole ? 'h1' : 'p', { className: 'stopped-title', tabindex: '-1', text: text.stopped_title }),
    whole ? el('p', { text: text.stopped_text }) : null,
    restart,
  );
  const screen = document.getElementById('screen');
  if (whole) {
    document.getElementById('app').dataset.screen = 'stopped';
    screen.replaceChildren(message);
  } else {
    screen.querySelector('.stopped')?.remove();
    screen.prepend(message);
  }
  restart.focus();
}
