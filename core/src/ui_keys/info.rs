//! Interface strings of the discreet information mode (strings in `info.json`).

crate::ui_keys! {
    INFO_ENTRY_DETAIL = "info.entry_detail";
    INFO_CONTACT_STATUS = "info.contact_status" ["name", "status"];
    QUICK_EXIT_LABEL = "quick_exit.label";
    QUICK_EXIT_A11Y = "quick_exit.a11y";
    QUICK_EXIT_HINT_ANDROID = "quick_exit.hint_android";
    QUICK_EXIT_HINT_KEYBOARD = "quick_exit.hint_keyboard";
    QUICK_EXIT_HINT_BUTTON = "quick_exit.hint_button";
    QUICK_EXIT_HINT_TERMINAL = "quick_exit.hint_terminal";
    QUICK_EXIT_PROGRESS = "quick_exit.progress" ["count", "needed"];
    QUICK_EXIT_ANNOUNCE_ONE = "quick_exit.announce_one";
    QUICK_EXIT_ANNOUNCE_MANY = "quick_exit.announce_many" ["remaining"];
}
