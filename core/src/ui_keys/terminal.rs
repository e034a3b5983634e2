//! The words the terminal shell adds around the core's screens (strings in `ui.json`). A person
//! reads them around every screen, so every language translates them (the translation check
//! requires it).

crate::ui_keys! {
    TERMINAL_QUIT = "terminal.quit";
    TERMINAL_HELP = "terminal.help";
    TERMINAL_STATUS = "terminal.status";
    TERMINAL_NO_STATUS = "terminal.no_status";
    TERMINAL_HIDDEN = "terminal.hidden";
    TERMINAL_SPEAK = "terminal.speak";
    TERMINAL_SHARE = "terminal.share";
    TERMINAL_REFUSED = "terminal.refused" ["reason"];
}
