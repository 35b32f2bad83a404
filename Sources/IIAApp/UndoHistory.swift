/// The explorer's undo and redo lists: each entry holds the settings to go back to and the
/// change it undoes, in words ("preset 2", "|M2| = 1000").
///
/// Bounded: it keeps the last ``limit`` changes; past that the oldest is forgotten (and undo
/// then says so when it runs out). A new change clears the redo list.
public struct UndoHistory: Hashable, Sendable, Codable {
    /// One step: the settings and selected slider before (undo) or after (redo) `change`.
    public struct Entry: Hashable, Sendable, Codable {
        public var settings: ExplorerSettings
        public var selected: SliderID
        /// The change in words, e.g. "preset 2" or "|M2| = 1000".
        public var change: String
    }

    /// How many changes are kept.
    public static let limit = 100

    /// The changes that can be undone, oldest first.
    public private(set) var undoEntries: [Entry] = []
    /// The changes that can be redone, the next one last.
    public private(set) var redoEntries: [Entry] = []
    /// Whether older changes were forgotten to stay within ``limit``.
    public private(set) var forgotOlderChanges = false

    public init() {}

    /// Records a new change (`entry` holds the settings before it) and clears the redo list.
    mutating func record(_ entry: Entry) {
        undoEntries.append(entry)
        if undoEntries.count > Self.limit {
            undoEntries.removeFirst(undoEntries.count - Self.limit)
            forgotOlderChanges = true
        }
        redoEntries.removeAll()
    }

    /// Takes the last change off the undo list; `current` (the settings after it) goes onto the
    /// redo list. Nil when there is nothing to undo.
    mutating func undo(current: Entry) -> Entry? {
        guard let entry = undoEntries.popLast() else { return nil }
        redoEntries.append(Entry(settings: current.settings, selected: current.selected, change: entry.change))
        return entry
    }

    /// Takes the last undone change off the redo list; `current` goes back onto the undo list.
    mutating func redo(current: Entry) -> Entry? {
        guard let entry = redoEntries.popLast() else { return nil }
        undoEntries.append(Entry(settings: current.settings, selected: current.selected, change: entry.change))
        return entry
    }
}
