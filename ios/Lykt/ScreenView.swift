import LyktCore
import LyktShell
import SwiftUI
import UIKit

/// Everything the app shows: the shell's display, the busy state, the share sheet, and the privacy
/// cover whenever the scene is not active (so the app switcher shows nothing). While the shell is
/// busy the screen takes no input, except quick exit, which always works.
struct RootView: View {
    let shell: LyktShell
    @Environment(\.scenePhase) private var phase

    var body: some View {
        DisplayView(shell: shell)
            .overlay {
                if shell.busy {
                    ProgressView().controlSize(.large).accessibilityLabel(Text("busy"))
                }
            }
            .overlay {
                if phase != .active && shell.hidesInSwitcher { Cover() }
            }
            .sheet(isPresented: sharing) {
                ShareSheet(text: shell.sharing ?? "") { shell.sharingEnded() }
            }
            .onChange(of: sceneTitle, initial: true) { _, title in
                // The window's name in the iPad app switcher: neutral in the discreet mode.
                for case let scene as UIWindowScene in UIApplication.shared.connectedScenes {
                    scene.title = title
                }
            }
    }

    private var sharing: Binding<Bool> {
        Binding(
            get: { shell.sharing != nil },
            set: { shown in if !shown { shell.sharingEnded() } })
    }

    private var sceneTitle: String {
        switch shell.display {
        case .screen(let screen): screen.windowTitle
        case .failure, .cover: ""
        }
    }
}

/// A plain surface with nothing on it.
struct Cover: View {
    var body: some View {
        Color(.systemBackground).ignoresSafeArea().accessibilityHidden(true)
    }
}

/// One case for each thing the shell can show.
struct DisplayView: View {
    let shell: LyktShell

    var body: some View {
        switch shell.display {
        case .screen(let screen): ScreenView(screen: screen, shell: shell)
        case .failure(let failure): FailureView(failure: failure, shell: shell)
        case .cover: Cover()
        }
    }
}

/// The one generic renderer for every screen the core builds: no code per screen.
struct ScreenView: View {
    let screen: Screen
    let shell: LyktShell

    var body: some View {
        NavigationStack {
            List {
                if let progress = screen.quickExit?.progress {
                    Text(progress).font(.callout)
                }
                ForEach(Array(screen.blocks.enumerated()), id: \.offset) { _, block in
                    BlockView(block: block, send: send, type: type)
                }
                .disabled(shell.busy)
            }
            .navigationTitle(screen.title)
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                if screen.backAvailable {
                    ToolbarItem(placement: .topBarLeading) {
                        Button {
                            send(.back)
                        } label: {
                            Label(screen.backLabel, systemImage: "chevron.backward")
                        }
                        .accessibilityLabel(screen.backAccessibilityLabel)
                        .disabled(shell.busy)
                    }
                }
                if let exit = screen.quickExit {
                    ToolbarItem(placement: .topBarTrailing) {
                        QuickExitButton(exit: exit, shell: shell)
                    }
                }
            }
        }
        .environment(\.layoutDirection, layoutDirection)
    }

    private var layoutDirection: LayoutDirection {
        switch screen.direction {
        case .ltr: .leftToRight
        case .rtl: .rightToLeft
        }
    }

    private func send(_ event: Event) {
        Task { await shell.send(event) }
    }

    private func type(_ event: Event) {
        Task { await shell.type(event) }
    }
}

/// The quick-exit button, labelled by the core.
struct QuickExitButton: View {
    let exit: QuickExit
    let shell: LyktShell

    var body: some View {
        Button(exit.label) { Task { await shell.quickExit() } }
            .buttonStyle(.borderedProminent)
            .tint(.red)
            .accessibilityLabel(exit.accessibilityLabel)
            .accessibilityHint(exit.hint)
    }
}

/// The calm error screen: nothing of the error is shown; the way back is a fresh start.
struct FailureView: View {
    let failure: Failure
    let shell: LyktShell

    var body: some View {
        VStack(spacing: 20) {
            if let exit = failure.quickExit {
                HStack {
                    Spacer()
                    QuickExitButton(exit: exit, shell: shell)
                }
            }
            Spacer()
            Text("error.title").font(.title2).accessibilityAddTraits(.isHeader)
            Text("error.body").multilineTextAlignment(.center)
            Button("error.restart") { shell.restart() }.buttonStyle(.borderedProminent)
            Spacer()
        }
        .padding()
    }
}

/// One block of a screen. Every kind of block has its case here and nowhere else.
struct BlockView: View {
    let block: Block
    let send: (Event) -> Void
    let type: (Event) -> Void

    var body: some View {
        switch block {
        case .heading(let text):
            Text(text).font(.headline).accessibilityAddTraits(.isHeader)
        case .paragraph(let text):
            Text(text)
        case .bulletList(let items):
            VStack(alignment: .leading, spacing: 6) {
                ForEach(Array(items.enumerated()), id: \.offset) { _, item in
                    Label(item, systemImage: "circle.fill").labelStyle(BulletStyle())
                }
            }
        case .action(let action):
            Button {
                send(.act(action: action.id))
            } label: {
                Label(action.label, systemImage: symbol(action.kind))
            }
            .buttonStyle(.borderedProminent)
            .accessibilityLabel(action.accessibilityLabel)
        case .status(let text, let state):
            Label(text, systemImage: symbol(state))
        case .notice(let level, let text):
            Label(text, systemImage: symbol(level))
                .padding(8)
                .background(tint(level).opacity(0.15), in: RoundedRectangle(cornerRadius: 8))
        case .choice(let id, let prompt, let options):
            Section(prompt) {
                ForEach(options, id: \.id) { option in
                    Button {
                        send(.choose(question: id, option: option.id))
                    } label: {
                        Label(
                            option.label,
                            systemImage: option.selected ? "checkmark.circle.fill" : "circle")
                    }
                    .accessibilityAddTraits(option.selected ? .isSelected : [])
                }
            }
        case .checklistItem(let id, let text, let detail, _, let statusLabel, let options):
            VStack(alignment: .leading, spacing: 4) {
                Text(text)
                if let detail { Text(detail).font(.footnote).foregroundStyle(.secondary) }
                Menu(statusLabel) {
                    ForEach(options, id: \.id) { option in
                        Button {
                            send(.setStatus(item: id, status: option.id))
                        } label: {
                            if option.selected {
                                Label(option.label, systemImage: "checkmark")
                            } else {
                                Text(option.label)
                            }
                        }
                    }
                }
            }
        case .card(_, let text, let language, let direction, let norwegian):
            CardView(text: text, language: language, direction: direction, norwegian: norwegian)
        case .button(let id, let label, let accessibilityLabel):
            Button(label) { send(.press(id: id)) }
                .buttonStyle(.bordered)
                .accessibilityLabel(accessibilityLabel)
        case .textInput(
            let id, let label, let kind, let value, let hint, let error, _, _, let submit):
            FieldView(
                id: id, label: label, kind: kind, value: value, hint: hint, error: error,
                submit: submit, type: type)
        case .link(let target, let label, let detail):
            Button {
                send(.open(target: target))
            } label: {
                VStack(alignment: .leading) {
                    Text(label)
                    if let detail { Text(detail).font(.footnote).foregroundStyle(.secondary) }
                }
            }
        }
    }

    private func symbol(_ kind: ActionKind) -> String {
        switch kind {
        case .call: "phone.fill"
        case .sms: "message.fill"
        case .email: "envelope.fill"
        case .web: "safari.fill"
        case .chat: "bubble.left.and.bubble.right.fill"
        }
    }

    /// Each status has its own mark: "not stated" never looks like "closed".
    private func symbol(_ state: StatusKind) -> String {
        switch state {
        case .open: "checkmark.circle.fill"
        case .closed: "xmark.circle"
        case .alwaysOpen: "clock.fill"
        case .notStated: "questionmark.circle"
        case .holiday: "calendar.badge.exclamationmark"
        case .info: "info.circle"
        }
    }

    private func symbol(_ level: NoticeLevel) -> String {
        switch level {
        case .info: "info.circle.fill"
        case .caution: "exclamationmark.triangle.fill"
        case .urgent: "exclamationmark.octagon.fill"
        }
    }

    private func tint(_ level: NoticeLevel) -> Color {
        switch level {
        case .info: .blue
        case .caution: .yellow
        case .urgent: .red
        }
    }
}

/// A text field as the core describes it. What is typed stays here and goes to the core whole
/// at each change; a PIN is a SecureField (hidden, kept from autofill), every kind is without
/// autocorrection and capitals, and a note takes several lines.
struct FieldView: View {
    let id: String
    let label: String
    let kind: InputKind
    let value: String
    let hint: String?
    let error: String?
    let submit: String?
    let type: (Event) -> Void
    @State private var text = ""
    @FocusState private var focused: Bool

    var body: some View {
        Section {
            field
                .focused($focused)
                .autocorrectionDisabled()
                .textInputAutocapitalization(.never)
                .onChange(of: text) { _, now in type(.input(field: id, value: now)) }
                .onSubmit { type(.submit(field: id, value: text)) }
            if let hint { Text(hint).font(.footnote).foregroundStyle(.secondary) }
            if let error {
                Text(error).foregroundStyle(.red).accessibilityAddTraits(.updatesFrequently)
            }
            if let submit {
                Button(submit) { type(.submit(field: id, value: text)) }
                    .buttonStyle(.borderedProminent)
            }
        } header: {
            Text(label)
        }
        .onAppear { text = value }
    }

    @ViewBuilder private var field: some View {
        switch kind {
        case .pin: SecureField(label, text: $text)
        case .note: TextEditor(text: $text).frame(minHeight: 120)
        case .text, .search: TextField(label, text: $text)
        }
    }
}

/// A sentence to show a person: large, in its own language and direction (an Arabic card reads
/// from the right on a screen that does not), with the Norwegian under it for the professional.
/// VoiceOver reads each part in its own language.
struct CardView: View {
    let text: String
    let language: String
    let direction: TextDirection
    let norwegian: String

    var body: some View {
        VStack(alignment: .leading, spacing: 12) {
            Text(spoken(text, in: language))
                .font(.largeTitle.weight(.semibold))
                .frame(maxWidth: .infinity, alignment: .leading)
                .environment(\.layoutDirection, layout)
                .environment(\.locale, Locale(identifier: language))
            Text(spoken(norwegian, in: "nb"))
                .font(.title3)
                .foregroundStyle(.secondary)
                .frame(maxWidth: .infinity, alignment: .leading)
                .environment(\.layoutDirection, .leftToRight)
        }
        .padding(.vertical, 8)
        .accessibilityElement(children: .combine)
    }

    private var layout: LayoutDirection {
        switch direction {
        case .ltr: .leftToRight
        case .rtl: .rightToLeft
        }
    }

    /// The text marked with its language, so VoiceOver picks the right voice.
    private func spoken(_ line: String, in language: String) -> AttributedString {
        var marked = AttributedString(line)
        marked.languageIdentifier = language
        return marked
    }
}

/// A small bullet before each item of a list; VoiceOver reads the text alone.
struct BulletStyle: LabelStyle {
    func makeBody(configuration: Configuration) -> some View {
        HStack(alignment: .firstTextBaseline, spacing: 8) {
            configuration.icon.font(.system(size: 6)).accessibilityHidden(true)
            configuration.title
        }
    }
}

/// The system share sheet for a text.
struct ShareSheet: UIViewControllerRepresentable {
    let text: String
    let done: () -> Void

    func makeUIViewController(context: Context) -> UIActivityViewController {
        let sheet = UIActivityViewController(activityItems: [text], applicationActivities: nil)
        sheet.completionWithItemsHandler = { _, _, _, _ in done() }
        return sheet
    }

    func updateUIViewController(_ sheet: UIActivityViewController, context: Context) {}
}
