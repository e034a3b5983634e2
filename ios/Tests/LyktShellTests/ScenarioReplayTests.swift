import Foundation
import XCTest

/// Replays the shared scenario files (tests/scenarios) through the real library, as the Rust and
/// Kotlin tests do, and proves the runner fails on what it cannot check.
final class ScenarioReplayTests: XCTestCase {
    /// tests/scenarios: from LYKT_SCENARIOS (set by scripts/test-swift.sh), else beside this file.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["LYKT_SCENARIOS"] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../tests/scenarios").standardizedFileURL
    }()

    func testEveryScenarioFileReplays() throws {
        let names = try scenarioFiles()
        XCTAssertFalse(names.isEmpty, "no scenario files under \(Self.root.path)")
        var replayed = 0
        var steps = 0
        for name in names {
            let json = try JSONValue.parse(Data(contentsOf: Self.root.appendingPathComponent(name)))
            guard case .object(let file) = json else {
                XCTFail("\(name): a scenario file is an object")
                continue
            }
            do {
                steps += try StepRunner.run(file)
                replayed += 1
            } catch {
                XCTFail("\(name): \(error)")
            }
        }
        print(
            "Swift scenario runner: \(replayed) of \(names.count) files, \(steps) steps replayed "
                + "through the real library")
        XCTAssertEqual(replayed, names.count, "every file is replayed")
        XCTAssertGreaterThan(steps, 150, "only \(steps) steps")
    }

    func testRunnerFailsOnAnUnknownEvent() {
        assertRunnerRefuses(#"{"event": {"jump": "home"}}"#, saying: "unknown event \"jump\"")
        assertRunnerRefuses(#"{"event": {"open": "info", "back": true}}"#, saying: "one key")
        assertRunnerRefuses(#"{"event": {"run_work": true}}"#, saying: "no work effect")
        assertRunnerRefuses(#"{"event": {"follow": "nowhere"}}"#, saying: "no link labelled")
    }

    func testRunnerFailsOnAnUnknownExpectation() {
        assertRunnerRefuses(#"{"expect": {"colour": "red"}}"#, saying: "unknown expectation")
        assertRunnerRefuses(
            #"{"event": {"open": "info"}, "expect": {"quick_exit": {"size": 3}}}"#,
            saying: "unknown quick_exit field \"size\"")
        assertRunnerRefuses(
            #"{"event": {"open": "show/ro"}, "expect": {"card": {"id": "yes", "size": 3}}}"#,
            saying: "unknown card field \"size\"")
        assertRunnerRefuses(
            #"{"expect": {"field": {"size": 3}}}"#, saying: "unknown field key \"size\"")
    }

    func testRunnerFailsOnAnUnknownStepOrFileKey() {
        assertRunnerRefuses(#"{"expect": {}, "wait": 3}"#, saying: "unknown step key \"wait\"")
        assertRunnerRefuses(#"{"expect": {}}"#, fileExtra: #""cases": [],"#, saying: "file key")
    }

    func testRunnerReadsEveryStepKeyAndExpectation() throws {
        let text = """
            {"description": "every key", "locales": ["en"], "at": "2027-05-17T09:00:00Z",
             "platform": "android", "steps": [
              {"event": {"open": "contacts/minors"}, "note": "a public holiday",
               "expect": {"notices": ["caution"], "first_action": "tel:112",
                          "first_action_label": "Police emergency number: Call 112",
                          "actions": ["tel:112", "tel:113", "tel:116111", "tel:116006"],
                          "links_include": ["contacts"], "question": null, "options": null,
                          "item_count": 0, "status": null, "status_kind": null,
                          "mode": "professional"}},
              {"at": "2026-12-25T10:00:00Z", "event": {"open": "contact/udi"},
               "expect": {"status_kind": "holiday", "links": []}},
              {"event": {"open": "minors"},
               "expect": {"question": "danger", "options": ["yes", "no"]}},
              {"event": {"open": "info"}, "expect": {"mode": "info"}}
            ]}
            """
        guard case .object(let file) = try JSONValue.parse(Data(text.utf8)) else {
            return XCTFail("not an object")
        }
        XCTAssertEqual(try StepRunner.run(file), 4)
    }

    func testRunnerFailsWhenTheAppDisagrees() {
        assertRunnerRefuses(#"{"expect": {"screen": "nowhere"}}"#, saying: "screen: expected")
        assertRunnerRefuses(
            #"{"event": {"open": "info"}, "expect": {"error": "unknown_screen"}}"#,
            saying: "expected the error")
        assertRunnerRefuses(
            #"{"event": {"open": "nowhere"}}"#, saying: "unexpected error unknown_screen")
        assertRunnerRefuses(
            #"{"event": {"open": "info"}, "expect": {"links_include": ["no-such-link"]}}"#,
            saying: "links_include")
        assertRunnerRefuses(
            #"{"event": {"open": "minors"}, "expect": {"actions": []}}"#,
            saying: "actions: expected")
        assertRunnerRefuses(
            #"{"at": "2026-12-25T10:00:00Z", "event": {"open": "contact/udi"}, "#
                + #""expect": {"status_kind": "open"}}"#, saying: "status_kind: expected")
        assertRunnerRefuses(
            #"{"event": {"open": "show/ar"}, "#
                + #""expect": {"card": {"id": "yes", "direction": "ltr"}}}"#,
            saying: "card: expected")
        assertRunnerRefuses(
            #"{"event": {"open": "show/ar"}, "expect": {"buttons": []}}"#,
            saying: "buttons: expected")
    }

    private func assertRunnerRefuses(
        _ step: String, fileExtra: String = "", saying fragment: String,
        line: UInt = #line
    ) {
        let text = """
            {\(fileExtra) "locales": ["en"], "at": "2026-03-27T14:30:00Z", "steps": [\(step)]}
            """
        do {
            guard case .object(let file) = try JSONValue.parse(Data(text.utf8)) else {
                return XCTFail("not an object", line: line)
            }
            let count = try StepRunner.run(file)
            XCTFail("the runner passed \(count) steps of \(step)", line: line)
        } catch let error as ScenarioError {
            XCTAssertTrue(
                error.description.contains(fragment), "\(error) does not say \(fragment)",
                line: line)
        } catch {
            XCTFail("\(error)", line: line)
        }
    }

    /// Every .json file under the root, as paths relative to it, in order.
    private func scenarioFiles() throws -> [String] {
        let root = Self.root
        guard let walk = FileManager.default.enumerator(atPath: root.path) else {
            throw ScenarioError("cannot read \(root.path)")
        }
        return walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
    }
}
