import Foundation
import LyktCore

/// A mismatch between a scenario and the app, or a scenario the runner cannot read.
struct ScenarioError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// The one generic runner for the shared scenario files in the step format
/// (tests/scenarios/README.md): a new app session per file, then for each step an event in and
/// expectations on the screen out, through the real library. Anything it does not know (a file
/// key, a step key, an event, an expectation, a quick-exit field) fails the file: a scenario the
/// Swift side cannot check must never pass unnoticed.
enum StepRunner {
    static let fileKeys: Set<String> = [
        "description", "locales", "at", "platform", "saved_work", "steps",
    ]
    static let stepKeys: Set<String> = ["at", "event", "expect", "note"]
    static let quickExitFields: Set<String> = [
        "label", "accessibility_label", "hint", "presses", "presses_needed", "progress",
    ]
    static let cardFields: Set<String> = ["id", "text", "language", "direction", "norwegian"]
    static let fieldKeys: Set<String> = ["id", "kind", "value", "hint", "error"]

    /// Replays every step of `file`; returns how many there were.
    static func run(_ file: [String: JSONValue]) throws -> Int {
        try known(Set(file.keys), allowed: fileKeys, what: "file key")
        let locales = try strings(file["locales"], what: "locales")
        let platform = try self.platform(file["platform"])
        let app = try self.app(
            Lykt(preferredLocales: locales), platform: platform, savedWork: file["saved_work"])
        try app.setTime(atUnix: try unixSeconds(string(file["at"], what: "at")))
        guard case .array(let steps)? = file["steps"], !steps.isEmpty else {
            throw ScenarioError("\"steps\" must be a non-empty list")
        }
        var job: UInt64?
        for (index, step) in steps.enumerated() {
            do {
                try run(step, on: app, job: &job)
            } catch let error as ScenarioError {
                throw ScenarioError("step \(index + 1) \(step): \(error)")
            }
        }
        return steps.count
    }

    /// The app a file asks for: with `saved_work`, as a phone opens it with saved work (a vault
    /// in a new temporary folder, the keystore's secret, its record store in memory).
    private static func app(_ lykt: Lykt, platform: Platform, savedWork: JSONValue?) throws -> App {
        switch savedWork {
        case nil, .bool(false)?:
            return try lykt.app(platform: platform)
        case .bool(true)?:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("lykt-scenario-\(UUID().uuidString)/vault")
            return try lykt.appWithSavedWork(
                platform: platform, vaultDir: folder.path,
                platformSecret: Data(repeating: 7, count: 32), store: MemoryStateStore())
        case let other?:
            throw ScenarioError("saved_work is true or false, not \(other)")
        }
    }

    /// Sends a file's event: `run_work` runs the job of the latest `work` effect as a shell's
    /// worker does, `follow` opens the link with that label, any other goes to the app.
    private static func send(_ json: JSONValue, to app: App, job: inout UInt64?) throws
        -> Transition
    {
        let transition: Transition
        switch json {
        case .object(let fields) where fields.count == 1 && fields["run_work"] != nil:
            guard fields["run_work"] == .bool(true) else {
                throw ScenarioError("run_work takes true")
            }
            guard let pending = job else {
                throw ScenarioError("run_work: no work effect came before it")
            }
            transition = try app.runWork(job: pending)
        case .object(let fields) where fields.count == 1 && fields["follow"] != nil:
            let label = try string(fields["follow"], what: "follow")
            let links = try app.currentScreen().blocks.compactMap(link)
            guard let target = links.first(where: { $0.label == label })?.target else {
                throw ScenarioError("no link labelled \(label)")
            }
            transition = try app.dispatch(event: .open(target: target))
        default:
            transition = try app.dispatch(event: try event(json))
        }
        if case .work(let started)? = transition.effect { job = started }
        return transition
    }

    private static func run(_ step: JSONValue, on app: App, job: inout UInt64?) throws {
        guard case .object(let fields) = step else { throw ScenarioError("a step is an object") }
        try known(Set(fields.keys), allowed: stepKeys, what: "step key")
        if let at = fields["at"] {
            try app.setTime(atUnix: try unixSeconds(string(at, what: "at")))
        }
        var expect: [String: JSONValue] = [:]
        if let value = fields["expect"] {
            guard case .object(let object) = value else {
                throw ScenarioError("\"expect\" is an object")
            }
            expect = object
        }
        let before = try app.currentScreen()
        var effect: Effect?
        var refusal: LyktError?
        if let value = fields["event"] {
            do {
                effect = try send(value, to: app, job: &job).effect
            } catch let error as LyktError {
                refusal = error
            }
        }
        let screen = try app.currentScreen()
        switch (expect["error"], refusal) {
        case (nil, nil):
            break
        case (let want?, let error?):
            try check("error", want: want, got: .string(code(error)))
            guard screen == before else { throw ScenarioError("an error must change nothing") }
        case (let want?, nil):
            throw ScenarioError("expected the error \(want), the event was taken")
        case (nil, let error?):
            throw ScenarioError("unexpected error \(code(error)): \(error)")
        }
        for (key, want) in expect.sorted(by: { $0.key < $1.key }) where key != "error" {
            try check(key, want: want, got: actual(key, want: want, screen: screen, effect: effect))
        }
    }

    private static func check(_ key: String, want: JSONValue, got: JSONValue) throws {
        guard want == got else { throw ScenarioError("\(key): expected \(want), got \(got)") }
    }

    /// What the app shows for one expectation key, in the scenario files' terms.
    private static func actual(
        _ key: String, want: JSONValue, screen: Screen, effect: Effect?
    ) throws -> JSONValue {
        switch key {
        case "screen": return .string(screen.id)
        case "back": return .bool(screen.backAvailable)
        case "title": return .string(screen.title)
        case "window_title": return .string(screen.windowTitle)
        case "back_label": return .string(screen.backLabel)
        case "tick_after_ms": return screen.tickAfterMs.map { .number(Double($0)) } ?? .null
        case "mode": return .string(name(screen.mode))
        case "direction": return .string(name(screen.direction))
        case "status": return .text(screen.blocks.lazy.compactMap(statusText).first)
        case "status_kind":
            return .text(screen.blocks.lazy.compactMap(statusKind).first.map(name))
        case "first_action": return .text(screen.blocks.lazy.compactMap(action).first?.uri)
        case "first_action_label":
            return .text(screen.blocks.lazy.compactMap(action).first?.label)
        case "actions": return strings(screen.blocks.compactMap(action).map(\.uri))
        case "question": return .text(screen.blocks.lazy.compactMap(choice).first?.id)
        case "options":
            guard let options = screen.blocks.lazy.compactMap(choice).first?.options else {
                return .null
            }
            return strings(options.map(\.id))
        case "links": return strings(screen.blocks.compactMap(link).map(\.target))
        case "links_include":
            let have = Set(screen.blocks.compactMap(link).map(\.target))
            return .array(try strings(want, what: key).filter(have.contains).map(JSONValue.string))
        case "notices": return strings(screen.blocks.compactMap(noticeLevel).map(name))
        case "items":
            guard case .object(let wanted) = want else { throw ScenarioError("items is an object") }
            var got: [String: JSONValue] = [:]
            for case .checklistItem(let id, _, _, let status, _, _) in screen.blocks
            where wanted[id] != nil {
                got[id] = .string(status)
            }
            return .object(got)
        case "item_count":
            let items = screen.blocks.filter {
                if case .checklistItem = $0 { true } else { false }
            }
            return .number(Double(items.count))
        case "buttons": return strings(screen.blocks.compactMap(buttonID))
        case "cards": return strings(screen.blocks.compactMap(card).map(\.id))
        case "link_labels": return strings(screen.blocks.compactMap(link).map(\.label))
        case "notice": return .text(screen.blocks.lazy.compactMap(noticeText).first)
        case "field": return try field(screen.blocks.lazy.compactMap(textField).first, want: want)
        case "shared":
            guard case .share(let text)? = effect else { return .null }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2)
            return strings(lines.map(String.init))
        case "card": return try card(screen.blocks.compactMap(card), want: want)
        case "quick_exit": return try quickExit(screen.quickExit, want: want)
        case "effect": return effectJSON(effect)
        case "read_aloud":
            guard case .speak(let text, let language)? = effect else { return .null }
            let first = text.split(separator: "\n", omittingEmptySubsequences: false).first
            return .object([
                "language": .string(language), "first_line": .string(String(first ?? "")),
            ])
        default: throw ScenarioError("unknown expectation \"\(key)\"")
        }
    }

    /// The quick-exit button as the files write it: null, or the fields they name.
    private static func quickExit(_ button: QuickExit?, want: JSONValue) throws -> JSONValue {
        guard let button else { return .null }
        guard case .object(let wanted) = want else { return .string("present") }
        try known(Set(wanted.keys), allowed: quickExitFields, what: "quick_exit field")
        let all: [String: JSONValue] = [
            "label": .string(button.label),
            "accessibility_label": .string(button.accessibilityLabel),
            "hint": .string(button.hint),
            "presses": .number(Double(button.presses)),
            "presses_needed": .number(Double(button.pressesNeeded)),
            "progress": .text(button.progress),
        ]
        return .object(all.filter { wanted[$0.key] != nil })
    }

    /// The first text field as the files write it: null, or the keys they name.
    private static func field(_ field: FieldKeys?, want: JSONValue) throws -> JSONValue {
        guard case .object(let wanted) = want else {
            return field == nil ? .null : .string("a field")
        }
        try known(Set(wanted.keys), allowed: fieldKeys, what: "field key")
        guard let field else { return .null }
        let all: [String: JSONValue] = [
            "id": .string(field.id),
            "kind": .string(name(field.kind)),
            "value": .string(field.value),
            "hint": .text(field.hint),
            "error": .text(field.error),
        ]
        return .object(all.filter { wanted[$0.key] != nil })
    }

    /// The card the expectation names by its id, with the fields it names.
    private static func card(_ cards: [CardFields], want: JSONValue) throws -> JSONValue {
        guard case .object(let wanted) = want, case .string(let id)? = wanted["id"] else {
            throw ScenarioError("card is an object with an id")
        }
        try known(Set(wanted.keys), allowed: cardFields, what: "card field")
        guard let card = cards.first(where: { $0.id == id }) else {
            return .string("no such card")
        }
        let all: [String: JSONValue] = [
            "id": .string(card.id),
            "text": .string(card.text),
            "language": .string(card.language),
            "direction": .string(name(card.direction)),
            "norwegian": .string(card.norwegian),
        ]
        return .object(all.filter { wanted[$0.key] != nil })
    }

    static func event(_ json: JSONValue) throws -> Event {
        guard case .object(let fields) = json, fields.count == 1, let (key, value) = fields.first
        else { throw ScenarioError("an event is an object with one key: \(json)") }
        switch key {
        case "open": return .open(target: try string(value, what: key))
        case "act": return .act(action: try string(value, what: key))
        case "press": return .press(id: try string(value, what: key))
        case "back", "quick_exit":
            guard value == .bool(true) else { throw ScenarioError("\(key) takes true") }
            return key == "back" ? .back : .quickExit
        case "exit_key": return .exitKey(atMs: try milliseconds(value))
        case "tick": return .tick(atMs: try milliseconds(value))
        case "choose":
            let pair = try self.pair(value, what: key)
            return .choose(question: pair.0, option: pair.1)
        case "set_status":
            let pair = try self.pair(value, what: key)
            return .setStatus(item: pair.0, status: pair.1)
        case "input":
            let pair = try self.pair(value, what: key)
            return .input(field: pair.0, value: pair.1)
        case "submit":
            let pair = try self.pair(value, what: key)
            return .submit(field: pair.0, value: pair.1)
        case "background": return .background(atMs: try milliseconds(value))
        case "foreground": return .foreground(atMs: try milliseconds(value))
        default: throw ScenarioError("unknown event \"\(key)\"")
        }
    }

    private static func effectJSON(_ effect: Effect?) -> JSONValue {
        switch effect {
        case nil: .null
        case .openUri(let uri)?: .object(["open_uri": .string(uri)])
        case .share(let text)?: .object(["share": .string(text)])
        case .quickExit(let target)?: .object(["quick_exit": .string(name(target))])
        case .announce(let text)?: .object(["announce": .string(text)])
        case .speak(let text, let language)?:
            .object(["speak": .object(["text": .string(text), "language": .string(language)])])
        case .work(let job)?: .object(["work": .number(Double(job))])
        case .forgetSecret?: .object(["forget_secret": .bool(true)])
        }
    }

    private static func statusText(_ block: Block) -> String? {
        if case .status(let text, _) = block { text } else { nil }
    }

    private static func statusKind(_ block: Block) -> StatusKind? {
        if case .status(_, let state) = block { state } else { nil }
    }

    private static func action(_ block: Block) -> Action? {
        if case .action(let action) = block { action } else { nil }
    }

    private static func choice(_ block: Block) -> (id: String, options: [ChoiceOption])? {
        if case .choice(let id, _, let options) = block { (id, options) } else { nil }
    }

    private static func noticeLevel(_ block: Block) -> NoticeLevel? {
        if case .notice(let level, _) = block { level } else { nil }
    }

    private static func noticeText(_ block: Block) -> String? {
        if case .notice(_, let text) = block { text } else { nil }
    }

    /// A text field's keys the files can name.
    private typealias FieldKeys = (
        id: String, kind: InputKind, value: String, hint: String?, error: String?
    )

    private static func textField(_ block: Block) -> FieldKeys? {
        if case .textInput(let id, _, let kind, let value, let hint, let error, _, _, _) = block {
            (id, kind, value, hint, error)
        } else {
            nil
        }
    }

    private static func link(_ block: Block) -> (target: String, label: String)? {
        if case .link(let target, let label, _) = block { (target, label) } else { nil }
    }

    private static func buttonID(_ block: Block) -> String? {
        if case .button(let id, _, _) = block { id } else { nil }
    }

    /// A card's fields, as the card block carries them.
    private typealias CardFields = (
        id: String, text: String, language: String, direction: TextDirection, norwegian: String
    )

    private static func card(_ block: Block) -> CardFields? {
        if case .card(let id, let text, let language, let direction, let norwegian) = block {
            (id, text, language, direction, norwegian)
        } else {
            nil
        }
    }

    static func name(_ mode: Mode) -> String {
        switch mode {
        case .professional: "professional"
        case .info: "info"
        case .neutral: "neutral"
        }
    }

    static func name(_ kind: StatusKind) -> String {
        switch kind {
        case .open: "open"
        case .closed: "closed"
        case .alwaysOpen: "always_open"
        case .notStated: "not_stated"
        case .holiday: "holiday"
        case .info: "info"
        }
    }

    static func name(_ level: NoticeLevel) -> String {
        switch level {
        case .info: "info"
        case .caution: "caution"
        case .urgent: "urgent"
        }
    }

    static func name(_ kind: InputKind) -> String {
        switch kind {
        case .text: "text"
        case .pin: "pin"
        case .search: "search"
        case .note: "note"
        }
    }

    static func name(_ direction: TextDirection) -> String {
        switch direction {
        case .ltr: "ltr"
        case .rtl: "rtl"
        }
    }

    static func name(_ target: ExitTarget) -> String {
        switch target {
        case .homeScreen: "home_screen"
        case .coverScreen: "cover_screen"
        case .clearTerminal: "clear_terminal"
        case .neutralPage: "neutral_page"
        }
    }

    private static func platform(_ json: JSONValue?) throws -> Platform {
        switch json {
        case nil, .string("android")?: .android
        case .string("ios")?: .ios
        case .string("terminal")?: .terminal
        case .string("web")?: .web
        case let other?: throw ScenarioError("unknown platform \(other)")
        }
    }

    /// The error's code as the files write it: `LyktError.InvalidEvent` is `invalid_event`.
    static func code(_ error: LyktError) -> String {
        let variant = String(describing: error).prefix { $0 != "(" }
        var code = ""
        for (index, character) in variant.enumerated() {
            if character.isUppercase && index > 0 { code.append("_") }
            code.append(contentsOf: character.lowercased())
        }
        return code
    }

    private static func known(_ keys: Set<String>, allowed: Set<String>, what: String) throws {
        if let unknown = keys.subtracting(allowed).sorted().first {
            throw ScenarioError("unknown \(what) \"\(unknown)\"")
        }
    }

    private static func string(_ json: JSONValue?, what: String) throws -> String {
        guard case .string(let value)? = json else { throw ScenarioError("\(what) is a string") }
        return value
    }

    /// A list of strings as the files write it.
    private static func strings(_ values: [String]) -> JSONValue {
        .array(values.map(JSONValue.string))
    }

    private static func strings(_ json: JSONValue?, what: String) throws -> [String] {
        guard case .array(let items)? = json else { throw ScenarioError("\(what) is a list") }
        return try items.map { try string($0, what: what) }
    }

    private static func pair(_ json: JSONValue, what: String) throws -> (String, String) {
        let items = try strings(json, what: what)
        guard items.count == 2 else { throw ScenarioError("\(what) takes two strings") }
        return (items[0], items[1])
    }

    private static func milliseconds(_ json: JSONValue) throws -> UInt64 {
        guard case .number(let value) = json, value >= 0, value == value.rounded(.towardZero)
        else { throw ScenarioError("a time in ms is a whole number: \(json)") }
        return UInt64(value)
    }

    /// Seconds since the epoch of an RFC 3339 instant.
    static func unixSeconds(_ rfc3339: String) throws -> Int64 {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: rfc3339) else {
            throw ScenarioError("not an RFC 3339 instant: \(rfc3339)")
        }
        return Int64(date.timeIntervalSince1970)
    }
}

/// The keystore's record store of a phone, in memory.
final class MemoryStateStore: VaultStateStore, @unchecked Sendable {
    private let lock = NSLock()
    private var state: Data?

    func load() throws -> Data? { lock.withLock { state } }

    func save(state: Data) throws { lock.withLock { self.state = state } }
}
