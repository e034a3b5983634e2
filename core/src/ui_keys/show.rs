//! Keys of "Show to the person" (strings in `show.json`).

crate::ui_keys! {
    TOOLS_SHOW = "tools.show";
    TOOLS_SHOW_DETAIL = "tools.show_detail";
    SHOW_TITLE = "show.title";
    SHOW_CHOOSE_LANGUAGE = "show.choose_language";
    SHOW_WHO = "show.who";
    SHOW_WHO_HEALTH = "show.who.health";
    SHOW_WHO_CHILD_WELFARE = "show.who.child_welfare";
    SHOW_WHO_HELPER = "show.who.helper";
    SHOW_READ_ALOUD = "show.read_aloud";
    SHOW_READ_ALOUD_A11Y = "show.read_aloud_a11y" ["language"];
    SHOW_NOT_REVIEWED = "show.not_reviewed" ["language"];
}
