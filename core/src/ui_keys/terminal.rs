//! The words the terminal shell adds around the core's screens (strings in `ui.json`).

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
