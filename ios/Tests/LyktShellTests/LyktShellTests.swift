import Foundation
import LyktCore
import LyktShell
import XCTest

/// The shell's logic: effects to platform actions, ticks, the error screen, the busy state and
/// quick exit; with the real library wherever the real core can show the behaviour.
@MainActor
final class LyktShellTests: XCTestCase, @unchecked Sendable {
    private let english = CoreSetup(
        preferredLocales: ["en"], dataDirectory: nil, platformSecret: nil)
    private let recorder = Recorder()

    private func shell(
        _ sessions: @escaping LyktShell.Sessions, clock: any ShellClock = DeviceClock(),
        busyAfter: Duration = .seconds(60)
    ) -> LyktShell {
        let recorder = self.recorder
        return LyktShell(sessions: sessions, clock: clock, busyAfter: busyAfter) {
            recorder.actions.append($0)
        }
    }

    private func realShell(clock: any ShellClock = DeviceClock()) -> LyktShell {
        shell(english.openSession, clock: clock)
    }

    private func screen(_ shell: LyktShell, line: UInt = #line) throws -> Screen {
        guard case .screen(let screen) = shell.display else {
            throw ScenarioError("no core screen shown but \(shell.display)")
        }
        return screen
    }

    // MARK: Start and screens

    func testStartsOnTheCoresStartScreen() async throws {
        let shell = realShell()
        let start = try screen(shell)
        XCTAssertEqual(start.mode, .professional)
        XCTAssertFalse(start.backAvailable)
        XCTAssertEqual(start, try english.openSession().currentScreen())
        XCTAssertNotNil(start.quickExit, "quick exit is on the start screen too")
        XCTAssertTrue(recorder.actions.isEmpty)
    }

    func testThePhonesPreferredLanguagesOpenTheCore() async throws {
        let phone = CoreSetup(
            preferredLocales: ["nb-NO", "en-US", "zh-Hans-CN"], dataDirectory: nil,
            platformSecret: nil)
        XCTAssertEqual(try Lykt(preferredLocales: phone.preferredLocales).locale(), "nb")
        let shell = shell(phone.openSession)
        XCTAssertEqual(try screen(shell).mode, .professional)
    }

    func testHidesInTheAppSwitcherAsTheScreenSays() async throws {
        let open = FakeApp(fakeScreen("open", secure: false)) { _ in throw Unexpected() }
        let shell = shell({ open })
        XCTAssertFalse(shell.hidesInSwitcher)
        await shell.send(.open(target: "elsewhere"))
        XCTAssertEqual(shell.display, .failure(Failure(quickExit: nil)))
        XCTAssertTrue(shell.hidesInSwitcher, "the error screen is always hidden")
        XCTAssertTrue(realShell().hidesInSwitcher, "the core marks its screens secure")
    }

    // MARK: Effects to platform actions

    func testAnActionOpensItsLinkWithTheSystem() async throws {
        let shell = realShell()
        await shell.send(.open(target: "info"))
        await shell.send(.open(target: "info/danger"))
        let actions = try screen(shell).blocks.compactMap { block -> Action? in
            if case .action(let action) = block { action } else { nil }
        }
        let call = try XCTUnwrap(actions.first { $0.uri.hasPrefix("tel:") })
        await shell.send(.act(action: call.id))
        XCTAssertEqual(recorder.actions, [.open(try XCTUnwrap(URL(string: call.uri)))])
        XCTAssertEqual(try screen(shell).id, "info/danger")
    }

    func testOnlyTheFourKindsOfLinkAreOpened() async {
        for uri in [
            "tel:112", "sms:41716111", "mailto:alarm@116111.no", "https://udi.no", "TEL:113",
        ] {
            XCTAssertNotNil(LyktShell.link(uri), uri)
        }
        for uri in [
            "javascript:alert(1)", "file:///etc/passwd", "http://example.com", "lykt-other:x",
            "", "not a link", "//no-scheme",
        ] {
            XCTAssertNil(LyktShell.link(uri), uri)
        }
    }

    func testALinkOfAnyOtherKindShowsTheErrorScreenAndOpensNothing() async {
        let app = FakeApp(fakeScreen("page")) { _ in
            Transition(screen: fakeScreen("page"), effect: .openUri(uri: "file:///etc/passwd"))
        }
        let shell = shell({ app })
        await shell.send(.act(action: "x"))
        XCTAssertEqual(shell.display, .failure(Failure(quickExit: nil)))
        XCTAssertTrue(recorder.actions.isEmpty)
    }

    func testAnAnnouncementGoesToVoiceOver() async throws {
        let shell = realShell(clock: ManualClock(at: 1_000))
        await shell.send(.open(target: "info"))
        await shell.exitKeyPressed()
        guard case .announce(let text)? = recorder.actions.last, recorder.actions.count == 1 else {
            return XCTFail("expected one announcement, got \(recorder.actions)")
        }
        XCTAssertFalse(text.isEmpty)
        XCTAssertEqual(try screen(shell).quickExit?.presses, 1)
    }

    func testShareOffersTheTextUntilTheSheetCloses() async {
        let app = FakeApp(fakeScreen("result", quickExit: exitButton)) { event in
            if case .quickExit = event {
                return Transition(
                    screen: fakeScreen("neutral"), effect: .quickExit(target: .coverScreen))
            }
            return Transition(screen: fakeScreen("result"), effect: .share(text: "summary"))
        }
        let shell = shell({ app })
        await shell.send(.act(action: "share"))
        XCTAssertEqual(shell.sharing, "summary")
        shell.sharingEnded()
        XCTAssertNil(shell.sharing)
        await shell.send(.act(action: "share"))
        await shell.quickExit()
        XCTAssertNil(shell.sharing, "quick exit closes the share sheet")
    }

    func testReadAloudSpeaksTheCardInTheLanguageOfItsVoice() async throws {
        let shell = realShell()
        await shell.send(.open(target: "show/tl"))
        let cards = try screen(shell).blocks.compactMap { block -> (String, String, String)? in
            if case .card(let id, let text, let language, _, _) = block {
                (id, text, language)
            } else {
                nil
            }
        }
        let yes = try XCTUnwrap(cards.first { $0.0 == "yes" })
        XCTAssertEqual(yes.2, "tl")
        await shell.send(.press(id: "speak/yes"))
        XCTAssertEqual(recorder.actions, [.speak(text: yes.1, language: "fil")])
        XCTAssertEqual(try screen(shell).id, "show/tl")
    }

    func testQuickExitSilencesTheReadingAtOnce() async throws {
        let app = FakeApp(fakeScreen("info/help", mode: .info, quickExit: exitButton)) { event in
            if case .quickExit = event {
                return Transition(
                    screen: fakeScreen("neutral", mode: .neutral),
                    effect: .quickExit(target: .coverScreen))
            }
            return Transition(
                screen: fakeScreen("info/help", mode: .info, quickExit: exitButton),
                effect: .speak(text: "Salut", language: "ro"))
        }
        let shell = shell({ app })
        await shell.send(.press(id: "read-aloud"))
        XCTAssertEqual(recorder.actions, [.speak(text: "Salut", language: "ro")])
        await shell.quickExit()
        XCTAssertEqual(recorder.actions.last, .silence)
        XCTAssertEqual(try screen(shell).id, "neutral")
    }

    // MARK: Ticks

    func testATickIsSentAtTheTimeTheCoreGives() async throws {
        let clock = ManualClock(at: 1_000)
        let shell = realShell(clock: clock)
        await shell.send(.open(target: "info"))
        await shell.exitKeyPressed()
        let due = 1_000 + (try XCTUnwrap(try screen(shell).tickAfterMs))
        await eventually("the tick to be scheduled") { clock.deadlines == [due] }
        clock.advance(to: due - 1)
        XCTAssertEqual(try screen(shell).quickExit?.presses, 1, "no tick before its time")
        clock.advance(to: due)
        await eventually("the tick to clear the progress") {
            (try? self.screen(shell).quickExit?.presses) == 0
        }
        XCTAssertNil(try screen(shell).tickAfterMs)
        XCTAssertEqual(clock.deadlines, [])
    }

    func testATickNoLongerAskedForIsDropped() async throws {
        let clock = ManualClock(at: 1_000)
        let shell = realShell(clock: clock)
        await shell.send(.open(target: "info"))
        await shell.exitKeyPressed()
        await eventually("the tick to be scheduled") { clock.deadlines.count == 1 }
        await shell.send(.back)
        XCTAssertNil(try screen(shell).tickAfterMs)
        await eventually("the tick to be cancelled") { clock.deadlines.isEmpty }
    }

    func testTheExitKeyIsNotSentWhereTheScreenOffersNoQuickExit() async {
        let app = FakeApp(fakeScreen("home")) { _ in
            Transition(screen: fakeScreen("home"), effect: nil)
        }
        let shell = shell({ app })
        await shell.exitKeyPressed()
        XCTAssertEqual(app.events, [])
    }

    // MARK: Quick exit

    func testQuickExitLeavesNothingToGoBackTo() async throws {
        let shell = realShell()
        await shell.send(.open(target: "info"))
        await shell.send(.open(target: "info/talk"))
        await shell.quickExit()
        let neutral = try screen(shell)
        XCTAssertEqual(neutral.mode, .neutral)
        XCTAssertFalse(neutral.backAvailable)
        XCTAssertNil(neutral.quickExit)
        XCTAssertEqual(recorder.actions, [.silence])
        await shell.send(.back)
        XCTAssertEqual(try screen(shell), neutral)
    }

    func testTheThirdExitKeyPressLeavesLikeTheButton() async throws {
        let clock = ManualClock(at: 1_000)
        let shell = realShell(clock: clock)
        await shell.send(.open(target: "info"))
        for time: UInt64 in [1_000, 2_000, 3_000] {
            clock.advance(to: time)
            await shell.exitKeyPressed()
        }
        XCTAssertEqual(try screen(shell).mode, .neutral)
        XCTAssertEqual(recorder.actions.last, .silence)
        XCTAssertEqual(clock.deadlines, [], "no tick left pending")
    }

    func testQuickExitCoversAtOnceBeforeTheCoreAnswers() async throws {
        let app = FakeApp(
            fakeScreen("info/talk", mode: .info, quickExit: exitButton), hold: { _ in true }
        ) { _ in
            Transition(
                screen: fakeScreen("neutral", mode: .neutral),
                effect: .quickExit(target: .coverScreen))
        }
        let shell = shell({ app })
        let leaving = Task { await shell.quickExit() }
        await eventually("the core to be asked") { app.events == [.quickExit] }
        XCTAssertEqual(shell.display, .cover, "covered while the core is still working")
        XCTAssertEqual(recorder.actions, [.silence], "speech stopped at once")
        app.release()
        await leaving.value
        XCTAssertEqual(try screen(shell).id, "neutral")
    }

    func testQuickExitDropsACallStillRunning() async throws {
        let app = FakeApp(
            fakeScreen("info", mode: .info, quickExit: exitButton),
            hold: { $0 != .quickExit }
        ) { event in
            if case .quickExit = event {
                return Transition(
                    screen: fakeScreen("neutral", mode: .neutral),
                    effect: .quickExit(target: .coverScreen))
            }
            return Transition(screen: fakeScreen("info/secret", mode: .info), effect: nil)
        }
        let shell = shell({ app }, busyAfter: .milliseconds(1))
        let opening = Task { await shell.send(.open(target: "info/secret")) }
        await eventually("the slow call to start") { app.events.count == 1 }
        await shell.quickExit()
        XCTAssertEqual(try screen(shell).id, "neutral")
        XCTAssertFalse(shell.busy)
        app.release()
        await opening.value
        XCTAssertEqual(
            try screen(shell).id, "neutral", "the page asked for before leaving never shows")
    }

    // MARK: The error screen

    func testTheCoresRefusalShowsTheErrorScreenAndRestartGoesBackToTheStart() async throws {
        let shell = realShell()
        let start = try screen(shell)
        await shell.send(.open(target: "info"))
        let button = try XCTUnwrap(try screen(shell).quickExit)
        await shell.send(.open(target: "no/such/screen"))
        XCTAssertEqual(shell.display, .failure(Failure(quickExit: button)))
        shell.restart()
        XCTAssertEqual(try screen(shell), start)
    }

    func testAnyErrorShowsTheErrorScreenAndNothingIsSentFromIt() async {
        for error: any Error in [LyktError.InvalidEvent(message: "no"), Unexpected()] {
            let app = FakeApp(fakeScreen("page")) { _ in throw error }
            let shell = shell({ app })
            await shell.send(.open(target: "a"))
            XCTAssertEqual(shell.display, .failure(Failure(quickExit: nil)), "\(error)")
            await shell.send(.open(target: "b"))
            await shell.exitKeyPressed()
            XCTAssertEqual(app.events, [.open(target: "a")], "the error screen sends nothing")
        }
    }

    func testTheErrorScreenKeepsTheQuickExitOfTheScreenItInterrupted() async throws {
        let app = FakeApp(fakeScreen("info/help", mode: .info, quickExit: exitButton)) { event in
            guard case .quickExit = event else { throw Unexpected() }
            return Transition(
                screen: fakeScreen("neutral", mode: .neutral),
                effect: .quickExit(target: .coverScreen))
        }
        let shell = shell({ app })
        await shell.send(.back)
        XCTAssertEqual(shell.display, .failure(Failure(quickExit: exitButton)))
        await shell.quickExit()
        XCTAssertEqual(try screen(shell).id, "neutral")
    }

    func testQuickExitStaysOnTheCoverWhenTheCoreFails() async {
        let app = FakeApp(fakeScreen("info", mode: .info, quickExit: exitButton)) { _ in
            throw Unexpected()
        }
        let shell = shell({ app })
        await shell.quickExit()
        XCTAssertEqual(shell.display, .cover)
        XCTAssertEqual(recorder.actions, [.silence])
    }

    func testAStartThatFailsShowsTheErrorScreenAndRestartTriesAgain() async throws {
        let attempts = Attempts()
        let shell = shell({
            if attempts.next() == 1 { throw LyktError.InvalidContent(message: "damaged") }
            return FakeApp(fakeScreen("home")) { _ in throw Unexpected() }
        })
        XCTAssertEqual(shell.display, .failure(Failure(quickExit: nil)))
        shell.restart()
        XCTAssertEqual(try screen(shell).id, "home")
    }

    // MARK: Slow work, typing and trips to the background

    func testSlowWorkRunsOffTheMainThreadAndQuickExitIsTakenMeanwhile() async throws {
        let app = FakeApp(fakeScreen("saved"), hold: { $0 == .tick(atMs: 7) }) { event in
            switch event {
            case .quickExit:
                Transition(
                    screen: fakeScreen("neutral", mode: .neutral),
                    effect: .quickExit(target: .coverScreen))
            case .tick:
                Transition(screen: fakeScreen("saved"), effect: .forgetSecret)
            default:
                Transition(screen: fakeScreen("busy"), effect: .work(job: 7))
            }
        }
        let shell = shell({ app }, busyAfter: .milliseconds(1))
        let wiping = Task { await shell.send(.press(id: "wipe")) }
        await eventually("the work to run") { app.events.count == 2 }
        XCTAssertEqual(try screen(shell).id, "busy", "the core's busy screen while it runs")
        await shell.quickExit()
        XCTAssertEqual(try screen(shell).id, "neutral", "taken while the work still runs")
        app.release()
        await wiping.value
        XCTAssertEqual(try screen(shell).id, "neutral", "the work's outcome came too late")
        XCTAssertEqual(recorder.actions, [.silence])
    }

    func testWipedSavedWorkForgetsTheKeychainSecret() async throws {
        let app = FakeApp(fakeScreen("saved")) { event in
            if case .tick = event {
                return Transition(screen: fakeScreen("saved"), effect: .forgetSecret)
            }
            return Transition(screen: fakeScreen("busy"), effect: .work(job: 3))
        }
        let shell = shell({ app })
        await shell.send(.tick(atMs: 1))
        XCTAssertEqual(recorder.actions, [.forgetSecret])
        await shell.send(.press(id: "wipe"))
        XCTAssertEqual(app.events, [.tick(atMs: 1), .press(id: "wipe"), .tick(atMs: 3)])
    }

    func testTypingWhileACallRunsKeepsTheLatestOfEachField() async throws {
        let app = FakeApp(fakeScreen("search"), hold: { $0 == .open(target: "x") }) { _ in
            Transition(screen: fakeScreen("search"), effect: nil)
        }
        let shell = shell({ app })
        let opening = Task { await shell.send(.open(target: "x")) }
        await eventually("the slow call") { app.events.count == 1 }
        await shell.type(.input(field: "q", value: "r"))
        await shell.type(.input(field: "q", value: "ro"))
        await shell.type(.submit(field: "q", value: "ros"))
        app.release()
        await opening.value
        await eventually("what waited to be sent") { app.events.count == 3 }
        XCTAssertEqual(
            app.events,
            [
                .open(target: "x"),
                .input(field: "q", value: "ro"),
                .submit(field: "q", value: "ros"),
            ])
    }

    func testTripsToTheBackgroundGoToTheCoreOnTheShellsClock() async throws {
        let clock = ManualClock(at: 5_000)
        let app = FakeApp(fakeScreen("info", mode: .info)) { _ in
            Transition(screen: fakeScreen("info", mode: .info), effect: nil)
        }
        let shell = shell({ app }, clock: clock)
        await shell.wentToBackground()
        clock.advance(to: 65_000)
        await shell.cameToForeground()
        XCTAssertEqual(app.events, [.background(atMs: 5_000), .foreground(atMs: 65_000)])
    }

    func testTheRealCoreEndsTheDiscreetSessionAfterATripAway() async throws {
        let shell = realShell(clock: ManualClock(at: 1_000))
        await shell.send(.open(target: "info"))
        await shell.wentToBackground()
        await shell.cameToForeground()
        XCTAssertEqual(try screen(shell).mode, .neutral)
    }

    // MARK: The busy state

    func testASlowCallShowsBusyAndTakesNoOtherInput() async throws {
        let app = FakeApp(fakeScreen("list"), hold: { _ in true }) { _ in
            Transition(screen: fakeScreen("item"), effect: nil)
        }
        let shell = shell({ app }, busyAfter: .milliseconds(5))
        let opening = Task { await shell.send(.open(target: "item")) }
        await eventually("the busy state") { shell.busy }
        await shell.send(.open(target: "other"))
        XCTAssertEqual(app.events, [.open(target: "item")], "no second call while busy")
        app.release()
        await opening.value
        XCTAssertFalse(shell.busy)
        XCTAssertEqual(try screen(shell).id, "item")
    }

    func testAFastCallShowsNoBusyState() async {
        let app = FakeApp(fakeScreen("list")) { _ in
            Transition(screen: fakeScreen("item"), effect: nil)
        }
        let shell = shell({ app }, busyAfter: .seconds(5))
        await shell.send(.open(target: "item"))
        try? await Task.sleep(nanoseconds: 20_000_000)
        XCTAssertFalse(shell.busy)
    }
}

/// Counts calls from any thread.
final class Attempts: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.withLock {
            count += 1; return count
        }
    }
}
