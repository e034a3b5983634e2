//! Interface strings of the professionals' toolkit.
//!
//! Strings live in the `strings` objects of `indicators.json` (menu, assessment, conversation),
//! `duties.json`, `rights.json` and `learn.json`.

crate::ui_keys! {
    TOOLS_ASSESS = "tools.assess";
    TOOLS_ASSESS_DETAIL = "tools.assess_detail";
    TOOLS_DUTIES = "tools.duties";
    TOOLS_DUTIES_DETAIL = "tools.duties_detail";
    TOOLS_RIGHTS = "tools.rights";
    TOOLS_RIGHTS_DETAIL = "tools.rights_detail";
    TOOLS_LEARN = "tools.learn";
    TOOLS_LEARN_DETAIL = "tools.learn_detail";

    ANSWER_YES = "answer.yes";
    ANSWER_NO = "answer.no";
    MINOR_YES = "answer.minor_yes";
    MINOR_UNSURE = "answer.minor_unsure";
    MINOR_NO = "answer.minor_no";

    ASSESS_TITLE = "assess.title";
    ASSESS_INTRO = "assess.intro";
    ASSESS_MINOR = "assess.minor";
    ASSESS_SETTING = "assess.setting";
    ASSESS_SETTING_NONE = "assess.setting_none";
    ASSESS_SEVERE_VIOLENCE = "assess.severe_violence";
    ASSESS_SIGNIFICANT_PROCEEDS = "assess.significant_proceeds";
    ASSESS_IMMEDIATE_DANGER = "assess.immediate_danger";
    ASSESS_HEALTH_EMERGENCY = "assess.health_emergency";
    ASSESS_FITS_SETTING = "assess.fits_setting";
    ASSESS_SEE_RESULT = "assess.see_result";
    INDICATOR_OBSERVED = "indicator.observed";
    INDICATOR_NOT_OBSERVED = "indicator.not_observed";

    RESULT_TITLE = "result.title";
    RESULT_HOLISTIC = "result.holistic";
    RESULT_AGE = "result.age" ["answer"];
    RESULT_SETTING = "result.setting" ["setting"];
    RESULT_FLAGS = "result.flags";
    RESULT_OBSERVED = "result.observed";
    RESULT_NOTHING = "result.nothing";
    RESULT_NEXT_DUTIES = "result.next_duties";
    RESULT_NEXT_RIGHTS = "result.next_rights";
    REASON_DANGER = "reason.danger";
    REASON_HEALTH = "reason.health";
    REASON_MINOR_YES = "reason.minor_yes";
    REASON_MINOR_UNSURE = "reason.minor_unsure";
    REASON_AGGRAVATED_MINOR = "reason.aggravated_minor";
    REASON_SEVERE_VIOLENCE = "reason.severe_violence";
    REASON_SIGNIFICANT_PROCEEDS = "reason.significant_proceeds";
    REASON_OBSERVED = "reason.observed" ["indicator"];
    LINK_MINORS_FLOW = "link.minors_flow";
    LINK_DUTIES = "link.duties";

    CONVERSATION_TITLE = "conversation.title";
    CONVERSATION_INTRO = "conversation.intro";
    CONVERSATION_SAY = "conversation.say" ["text"];
    CONVERSATION_TIPS = "conversation.tips";
    CONVERSATION_MINOR_TIPS = "conversation.minor_tips";
    CONVERSATION_INTERPRETER = "conversation.interpreter";
    CONVERSATION_RIGHTS = "conversation.rights";

    DUTIES_TITLE = "duties.title";
    DUTIES_INTRO = "duties.intro";
    DUTIES_ROLE = "duties.role";
    DUTIES_CONSENT = "duties.consent";
    DUTIES_CHOOSE_ROLE = "duties.choose_role";
    DUTIES_STEP = "duties.step" ["number", "title"];
    DUTIES_WHY = "duties.why" ["text"];
    DUTIES_BASIS = "duties.basis" ["basis"];
    DUTIES_SOURCES = "duties.sources" ["sources"];
    ROLE_PUBLIC = "role.public";
    ROLE_ON_BEHALF = "role.on_behalf";
    ROLE_PRIVATE = "role.private";
    CONSENT_NOT_ASKED = "consent.not_asked";
    OBLIGATION_DUTY = "obligation.duty";
    OBLIGATION_SHOULD = "obligation.should";
    OBLIGATION_MAY = "obligation.may";
    OBLIGATION_ASSESS = "obligation.assess";
    LINK_RIGHTS = "link.rights";

    RIGHTS_TITLE = "rights.title";
    RIGHTS_INTRO = "rights.intro";
    RIGHTS_RESIDENCE = "rights.residence";
    RIGHTS_PROGRESS = "rights.progress" ["done", "total"];
    RIGHTS_MORE = "rights.more";
    RESIDENCE_NO_PERMIT = "residence.no_permit";
    RESIDENCE_HAS_PERMIT = "residence.has_permit";
    RESIDENCE_UNKNOWN = "residence.unknown";
    STATUS_NOT_DISCUSSED = "right_status.not_discussed";
    STATUS_INFORMED = "right_status.informed";
    STATUS_WANTS_HELP = "right_status.wants_help";
    STATUS_REFERRED = "right_status.referred";
    STATUS_DECLINED = "right_status.declined";
    STATUS_NOT_APPLICABLE = "right_status.not_applicable";
    PROFILE_MINOR = "profile.minor";
    PROFILE_ADULT = "profile.adult";
    PROFILE_NO_PERMIT = "profile.no_permit";
    PROFILE_PERMIT = "profile.permit";
    RIGHT_NOT_LISTED = "right.not_listed" ["age", "residence"];
    RIGHT_PROVIDER = "right.provider" ["text"];
    RIGHT_WHO = "right.who" ["text"];
    RIGHT_DETAILS = "right.details";
    RIGHT_CONTACTS = "right.contacts";

    LEARN_TITLE = "learn.title";
    LEARN_INTRO = "learn.intro";
}
