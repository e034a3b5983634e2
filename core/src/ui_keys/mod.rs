//! Every interface-string key the app uses, with the placeholders it fills in.
//!
//! Shared keys live here (strings in `ui.json`); each feature declares its own
//! keys in a submodule (strings in that feature's content file).

crate::ui_keys! {
    APP_NAME = "app.name";

    DAY_MON = "day.mon";
    DAY_TUE = "day.tue";
    DAY_WED = "day.wed";
    DAY_THU = "day.thu";
    DAY_FRI = "day.fri";
    DAY_SAT = "day.sat";
    DAY_SUN = "day.sun";
    WHEN_TOMORROW = "when.tomorrow" ["time"];
    WHEN_DAY = "when.day" ["day", "time"];

    HOLIDAY_NEW_YEARS_DAY = "holiday.new_years_day";
    HOLIDAY_MAUNDY_THURSDAY = "holiday.maundy_thursday";
    HOLIDAY_GOOD_FRIDAY = "holiday.good_friday";
    HOLIDAY_EASTER_SUNDAY = "holiday.easter_sunday";
    HOLIDAY_EASTER_MONDAY = "holiday.easter_monday";
    HOLIDAY_LABOUR_DAY = "holiday.labour_day";
    HOLIDAY_CONSTITUTION_DAY = "holiday.constitution_day";
    HOLIDAY_ASCENSION_DAY = "holiday.ascension_day";
    HOLIDAY_WHIT_SUNDAY = "holiday.whit_sunday";
    HOLIDAY_WHIT_MONDAY = "holiday.whit_monday";
    HOLIDAY_CHRISTMAS_DAY = "holiday.christmas_day";
    HOLIDAY_BOXING_DAY = "holiday.boxing_day";

    HOURS_ALWAYS = "hours.always";
    HOURS_NOT_STATED = "hours.not_stated";
    HOURS_PERIOD = "hours.period" ["days", "open", "close"];
    STATUS_OPEN_UNTIL = "status.open_until" ["when"];
    STATUS_CLOSED_OPENS = "status.closed_opens" ["when"];
    STATUS_CLOSED = "status.closed";
    STATUS_ALWAYS_OPEN = "status.always_open";
    STATUS_NOT_STATED = "status.not_stated";
    STATUS_HOLIDAY = "status.holiday" ["holiday", "hours"];
    STATUS_CLOSED_OPENS_AFTER_HOLIDAY = "status.closed_opens_after_holiday" ["when"];

    ACTION_CALL = "action.call" ["number"];
    ACTION_CALL_A11Y = "action.call_a11y" ["name", "digits"];
    ACTION_CALL_ABROAD = "action.call_abroad" ["number"];
    ACTION_CALL_ABROAD_A11Y = "action.call_abroad_a11y" ["name", "digits"];
    ACTION_SMS = "action.sms" ["number"];
    ACTION_SMS_A11Y = "action.sms_a11y" ["name", "digits"];
    ACTION_EMAIL = "action.email" ["address"];
    ACTION_EMAIL_A11Y = "action.email_a11y" ["name", "address"];
    ACTION_WEB = "action.web" ["address"];
    ACTION_WEB_A11Y = "action.web_a11y" ["name", "address"];
    ACTION_CHAT = "action.chat" ["address"];
    ACTION_CHAT_A11Y = "action.chat_a11y" ["name", "address"];
    ACTION_PLUS = "action.plus";
    ACTION_NAMED = "action.named" ["name", "action"];

    AUDIENCE_VICTIMS = "audience.victims";
    AUDIENCE_MINORS = "audience.minors";
    AUDIENCE_PROFESSIONALS = "audience.professionals";
    AUDIENCE_ANYONE = "audience.anyone";
    CATEGORY_EMERGENCY = "category.emergency";
    CATEGORY_HELPLINE = "category.helpline";
    CATEGORY_PUBLIC = "category.public";
    CATEGORY_ORGANISATION = "category.organisation";
    CATEGORY_ONLINE = "category.online";
    CATEGORY_INTERNATIONAL = "category.international";

    CONTACTS_TITLE = "contacts.title";
    CONTACTS_INTRO = "contacts.intro";
    CONTACTS_ALL = "contacts.all";
    CONTACTS_FOR = "contacts.for" ["audience"];
    CONTACTS_HOLIDAY_NOTICE = "contacts.holiday_notice" ["holiday", "services"];
    CONTACTS_ALWAYS_OPEN = "contacts.always_open";
    CONTACTS_SEARCH = "contacts.search";
    CONTACTS_SEARCH_HINT = "contacts.search_hint";
    CONTACTS_SEARCH_NONE = "contacts.search_none" ["query"];
    CONTACTS_SEARCH_FOUND = "contacts.search_found" ["count"];
    CONTACT_HOURS = "contact.hours" ["hours"];
    CONTACT_LANGUAGES = "contact.languages" ["languages"];
    CONTACT_INTERPRETER = "contact.interpreter";
    CONTACT_ANONYMOUS = "contact.anonymous";
    CONTACT_FREE = "contact.free";
    CONTACT_AUDIENCES = "contact.audiences" ["audiences"];

    HOME_TITLE = "home.title";
    HOME_INTRO = "home.intro";
    HOME_CONTACTS = "home.contacts";
    HOME_CONTACTS_DETAIL = "home.contacts_detail";
    HOME_TOOLS = "home.tools";
    HOME_TOOLS_DETAIL = "home.tools_detail";
    TOOLS_TITLE = "tools.title";
    TOOLS_INTRO = "tools.intro";
    TOOLS_CONTACTS = "tools.contacts";

    SOURCES = "sources";
    OLDER_MARK = "older.mark" ["text"];
    OLDER_NOTICE = "older.notice";
    OLDER_CHANNEL = "older.channel" ["address"];

    SCREEN_BACK = "screen.back";
    SCREEN_BACK_A11Y = "screen.back_a11y";
    READ_ALOUD = "read_aloud";
    LANGUAGE_TITLE = "language.title";
    LANGUAGE_LINK = "language.link";
    LANGUAGE_PROMPT = "language.prompt";
    NEUTRAL_TEXT = "neutral.text";
    NEUTRAL_START = "neutral.start";
    STOPPED_TITLE = "stopped.title";
    STOPPED_TEXT = "stopped.text";
    STOPPED_RESTART = "stopped.restart";
    SHARE_COPIED = "share.copied";
    NOTICE_HOLIDAY_CONTACT = "contact.holiday_caution" ["holiday"];
}

pub mod info;
pub mod minors;
pub mod saved;
pub mod show;
pub mod terminal;
pub mod toolkit;
pub mod translation;

/// Every group of keys; each key must exist exactly once across the pack.
pub const GROUPS: &[&[crate::content::ui::Key]] = &[
    KEYS,
    minors::KEYS,
    saved::KEYS,
    toolkit::KEYS,
    info::KEYS,
    terminal::KEYS,
    translation::KEYS,
    show::KEYS,
];

/// Shared keys no translation has: the app's name and the professionals' way into their tools
/// (which exist in English and Norwegian). A possible victim may see every other shared key.
pub const UNTRANSLATED: &[crate::content::ui::Key] = &[
    APP_NAME,
    HOME_TOOLS,
    HOME_TOOLS_DETAIL,
    TOOLS_TITLE,
    TOOLS_INTRO,
    TOOLS_CONTACTS,
];
