//! Keys of what a page in a translated language adds (strings in `ui.json`).

crate::ui_keys! {
    TRANSLATION_NOT_REVIEWED = "translation.not_reviewed";
    TRANSLATION_IN_ENGLISH = "translation.in_english";
}
