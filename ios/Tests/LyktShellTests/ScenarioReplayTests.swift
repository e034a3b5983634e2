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

    func testEveryScenarioFileInTheStepFormatReplays() throws {
        let names = try scenarioFiles()
        XCTAssertFalse(names.isEmpty, "no scenario files under \(Self.root.path)")
        var replayed = 0
        var steps = 0
        var skipped: [String] = []
        for name in names {
            let json = try JSONValue.parse(Data(contentsOf: Self.root.appendingPathComponent(name)))
            guard case .object(let file) = json else {
                XCTFail("\(name): a scenario file is an object")
                continue
            }
            if file["steps"] != nil {
                do {
                    steps += try StepRunner.run(file)
                    replayed += 1
                } catch {
                    XCTFail("\(name): \(error)")
                }
            } else if file["cases"] != nil {
                skipped.append(name)
            } else {
                XCTFail(
                    "\(name): neither the step format (\"steps\") nor the case format (\"cases\")")
            }
        }
        print(
            "Swift scenario runner: \(replayed) files, \(steps) steps replayed through the real library"
        )
        if !skipped.isEmpty {
            print(
                "Swift scenario runner: skipped \(skipped.count) files in the case format "
                    + "(not yet in the step format): \(skipped.joined(separator: " "))")
        }
        XCTAssertGreaterThan(replayed, 0, "no file in the step format")
    }

    func testRunnerFailsOnAnUnknownEvent() {
        assertRunnerRefuses(#"{"event": {"jump": "home"}}"#, saying: "unknown event \"jump\"")
        assertRunnerRefuses(#"{"event": {"open": "info", "back": true}}"#, saying: "one key")
    }

    func testRunnerFailsOnAnUnknownExpectation() {
        assertRunnerRefuses(#"{"expect": {"colour": "red"}}"#, saying: "unknown expectation")
        assertRunnerRefuses(
            #"{"event": {"open": "info"}, "expect": {"quick_exit": {"size": 3}}}"#,
            saying: "unknown quick_exit field \"size\"")
    }

    func testRunnerFailsOnAnUnknownStepOrFileKey() {
        assertRunnerRefuses(#"{"expect": {}, "memo": "x"}"#, saying: "unknown step key \"memo\"")
        assertRunnerRefuses(#"{"expect": {}}"#, fileExtra: #""cases": [],"#, saying: "file key")
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
