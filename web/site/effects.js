// The effects the core asks for, carried out with the browser's own means. Tests replace a
// function of `platform` to watch an effect without leaving the page.

/** Schemes the core's actions use; anything else is refused. */
const SCHEMES = ['tel:', 'sms:', 'mailto:', 'https:'];

export const platform = {
  /** Opens a call, an SMS, an e-mail or a web page (in a new tab that cannot reach back). */
  openUri(uri) {
    if (!SCHEMES.some((s) => uri.startsWith(s))) throw new Error(`refused to open ${uri}`);
    if (uri.startsWith('https:')) window.open(uri, '_blank', 'noopener,noreferrer');
    else window.location.assign(uri);
  },

  /** Offers text to the system's share sheet, or copies it where there is none. */
  async share(text, copied) {
    if (navigator.share) {
      try {
        await navigator.share({ text });
      } catch (e) {
        if (e.name !== 'AbortError') throw e;
      }
      return;
    }
    await navigator.clipboard.writeText(text);
    platform.announce(copied);
  },

  /**
   * Reads text aloud in a language (a BCP 47 tag), in place of any reading, with the system's own
   * voices. Where the browser lists voices and none speaks the language, nothing is read rather
   * than the sentence in another language's voice; a browser without speech reads nothing.
   */
  speak(text, lang) {
    if (!('speechSynthesis' in window)) return;
    window.speechSynthesis.cancel();
    const voices = window.speechSynthesis.getVoices();
    const primary = (tag) => tag.toLowerCase().split(/[-_]/)[0];
    const voice =
      voices.find((v) => v.lang.toLowerCase().replace('_', '-') === lang.toLowerCase()) ??
      voices.find((v) => primary(v.lang) === primary(lang));
    if (voices.length && !voice) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang;
    if (voice) u.voice = voice;
    window.speechSynthesis.speak(u);
  },

  /** Stops any reading aloud at once. */
  silence() {
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
  },

  /** Has screen readers say text: a new node in the live region is read even when the text repeats. */
  announce(text) {
    const p = document.createElement('p');
    p.textContent = text;
    document.getElementById('live')?.replaceChildren(p);
  },

  /** Leaves at once: stops speech, clears the document and replaces the page, so Back cannot bring it back. */
  leave() {
    platform.silence();
    document.body.replaceChildren();
    document.title = '';
    window.location.replace('./?left');
  },
};

/** Carries out one effect of the core; throws on an effect this page does not know. */
export function perform(effect, text) {
  switch (effect.type) {
    case 'open_uri':
      return platform.openUri(effect.uri);
    case 'share':
      return platform.share(effect.text, text.copied);
    case 'announce':
      return platform.announce(effect.text);
    case 'speak':
      return platform.speak(effect.text, effect.language);
    case 'quick_exit':
      return platform.leave();
    default:
      throw new Error(`unknown effect ${effect.type}`);
  }
}
