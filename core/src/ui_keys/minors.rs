//! Keys for the minors' decision flow, its action cards and the emergency-placement checklist.

crate::ui_keys! {
    TOOLS_MINORS = "tools.minors";
    TOOLS_MINORS_DETAIL = "tools.minors_detail";
    TOOLS_PLACEMENT = "tools.placement";
    TOOLS_PLACEMENT_DETAIL = "tools.placement_detail";

    MINORS_TITLE = "minors.title";
    MINORS_ANSWERS = "minors.answers";
    MINORS_ALL_ACTIONS = "minors.all_actions";
    MINORS_DO_NOW = "minors.do_now";
    MINORS_CONTACTS = "minors.contacts";
    MINORS_DO_NOT = "minors.do_not";
    MINORS_LEGAL_BASIS = "minors.legal_basis";
    MINORS_RESTART = "minors.restart";
    MINORS_NOW = "minors.now" ["time", "period"];
    MINORS_PERIOD_OFFICE_HOURS = "minors.period.office_hours";
    MINORS_PERIOD_AFTER_HOURS = "minors.period.after_hours";
    MINORS_PERIOD_HOLIDAY = "minors.period.holiday" ["holiday"];
    MINORS_WHEN_OFFICE_HOURS = "minors.when.office_hours";
    MINORS_WHEN_AFTER_HOURS = "minors.when.after_hours";

    PLACEMENT_TITLE = "placement.title";
    PLACEMENT_INTRO = "placement.intro";
    PLACEMENT_INTRO_SAVING = "placement.intro_saving";
    PLACEMENT_PROGRESS = "placement.progress" ["done", "total"];
    PLACEMENT_STATUS_NOT_STARTED = "placement.status.not_started";
    PLACEMENT_STATUS_IN_PROGRESS = "placement.status.in_progress";
    PLACEMENT_STATUS_DONE = "placement.status.done";
    PLACEMENT_STATUS_NOT_APPLICABLE = "placement.status.not_applicable";
}
