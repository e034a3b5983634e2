//! Keys for saved work and the referral summary.

crate::ui_keys! {
    SAVED_SUMMARY_TITLE = "saved.summary_title";
    SAVED_SUMMARY_TITLE_NOTE = "saved.summary_title_note";
    SAVED_SUMMARY_SAVED = "saved.summary_saved" ["kind", "date"];
    SAVED_SUMMARY_FOOTER = "saved.summary_footer";
    SAVED_LABEL_WARNING = "saved.label_warning";
    SAVED_KIND_ASSESSMENT = "saved.kind.assessment";
    SAVED_KIND_RIGHTS_CHECKLIST = "saved.kind.rights_checklist";
    SAVED_KIND_MINORS_OUTCOME = "saved.kind.minors_outcome";
    SAVED_KIND_PLACEMENT_CHECKLIST = "saved.kind.placement_checklist";
    SAVED_KIND_NOTE = "saved.kind.note";
}
