import SwiftUI

/// One generic renderer for every screen the core builds: no code per screen.
struct RootView: View {
    @EnvironmentObject private var model: AppModel

    var body: some View {
        let screen = model.screen
        NavigationStack {
            List {
                if let progress = screen.quickExit?.progress {
                    Text(progress).font(.callout)
                }
                ForEach(Array(screen.blocks.enumerated()), id: \.offset) { _, block in
                    BlockView(block: block) { model.send($0) }
                }
            }
            .navigationTitle(screen.title)
            .toolbar {
                if screen.backAvailable {
                    ToolbarItem(placement: .navigationBarLeading) {
                        Button("‹") { model.send(.back) }
                    }
                }
                if let exit = screen.quickExit {
                    ToolbarItem(placement: .navigationBarTrailing) {
                        Button(exit.label) { model.send(.quickExit) }
                            .buttonStyle(.borderedProminent)
                            .tint(.red)
                            .accessibilityLabel(exit.accessibilityLabel)
                            .accessibilityHint(exit.hint)
                    }
                }
            }
        }
        .environment(\.layoutDirection, screen.direction == .rtl ? .rightToLeft : .leftToRight)
        .overlay { if model.covered { Color(.systemBackground).ignoresSafeArea() } }
        .sheet(item: Binding(get: { model.shareText.map(SharedText.init) }, set: { model.shareText = $0?.text })) { item in
            ShareLink(item: item.text)
        }
    }
}

/// Text offered to the share sheet.
struct SharedText: Identifiable {
    let text: String
    var id: String { text }
}

struct BlockView: View {
    let block: Block
    let send: (Event) -> Void

    var body: some View {
        switch block {
        case .heading(let text):
            Text(text).font(.headline).accessibilityAddTraits(.isHeader)
        case .paragraph(let text):
            Text(text)
        case .bulletList(let items):
            VStack(alignment: .leading) {
                ForEach(items, id: \.self) { Text("• \($0)") }
            }
        case .action(let action):
            Button(action.label) { send(.act(action: action.id)) }
                .buttonStyle(.borderedProminent)
                .accessibilityLabel(action.accessibilityLabel)
        case .status(let text, let state):
            Label(text, systemImage: state == .open || state == .alwaysOpen ? "circle.fill" : "circle")
        case .notice(let level, let text):
            Text(text)
                .padding(8)
                .background(level == .urgent ? Color.red.opacity(0.15) : Color.yellow.opacity(0.2))
        case .choice(let id, let prompt, let options):
            Section(prompt) {
                ForEach(options, id: \.id) { option in
                    Button((option.selected ? "✓ " : "") + option.label) {
                        send(.choose(question: id, option: option.id))
                    }
                }
            }
        case .checklistItem(let id, let text, let detail, _, let statusLabel, let options):
            VStack(alignment: .leading) {
                Text(text)
                if let detail { Text(detail).font(.footnote) }
                Menu(statusLabel) {
                    ForEach(options, id: \.id) { option in
                        Button(option.label) { send(.setStatus(item: id, status: option.id)) }
                    }
                }
            }
        case .link(let target, let label, let detail):
            Button { send(.open(target: target)) } label: {
                VStack(alignment: .leading) {
                    Text(label)
                    if let detail { Text(detail).font(.footnote).foregroundStyle(.secondary) }
                }
            }
        }
    }
}
