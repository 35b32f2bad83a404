/// Places text in a figure where it covers no curve and no other label (else leaves it out).
/// Curves are kept as the set of small grid cells their strokes pass through.
struct FigureLabelPlacer {
    /// Where a label's position sits in its text.
    enum Anchor: String { case start, middle, end }

    /// A candidate position: the text's anchor point (its baseline) and how it is anchored.
    struct Candidate {
        var x: Double
        var y: Double
        var anchor: Anchor
    }

    let bounds: PixelRect
    let fontSize: Double
    private var labels: [PixelRect] = []
    private var curveCells = Set<Int>()
    private let cell = 3.0

    init(bounds: PixelRect, fontSize: Double) {
        self.bounds = bounds
        self.fontSize = fontSize
    }

    private func key(_ x: Double, _ y: Double) -> Int? {
        guard bounds.insetBy(20).contains(x, y) else { return nil }
        return Int((y - bounds.y + 20) / cell) * 100_000 + Int((x - bounds.x + 20) / cell)
    }

    /// Marks the cells a polyline passes through.
    mutating func addCurve(_ points: [(x: Double, y: Double)]) {
        for (a, b) in zip(points, points.dropFirst()) {
            let length = max(abs(b.x - a.x), abs(b.y - a.y))
            let steps = Int(min(4000, max(1, (length / (cell / 2)).rounded(.up))))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                if let key = key(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) { curveCells.insert(key) }
            }
        }
        if points.count == 1, let key = key(points[0].x, points[0].y) { curveCells.insert(key) }
    }

    /// Reserves a rectangle (a marker, a placed label).
    mutating func reserve(_ rect: PixelRect) { labels.append(rect) }

    /// The box of `text` at a candidate.
    func box(_ text: String, _ candidate: Candidate, size: Double) -> PixelRect {
        let width = FigureText.width(text, size)
        let left: Double
        switch candidate.anchor {
        case .start: left = candidate.x
        case .middle: left = candidate.x - width / 2
        case .end: left = candidate.x - width
        }
        return PixelRect(x: left, y: candidate.y - size * 0.8, width: width, height: size * 1.05)
    }

    /// Whether a box is inside the bounds and clear of curves and labels.
    func isFree(_ rect: PixelRect) -> Bool {
        guard rect.x >= bounds.x, rect.maxX <= bounds.maxX, rect.y >= bounds.y, rect.maxY <= bounds.maxY else { return false }
        if labels.contains(where: { $0.intersects(rect.insetBy(2)) }) { return false }
        var y = rect.y - 1
        while y <= rect.maxY + 1 {
            var x = rect.x - 1
            while x <= rect.maxX + 1 {
                if let key = key(x, y), curveCells.contains(key) { return false }
                x += cell / 2
            }
            y += cell / 2
        }
        return true
    }

    /// Places `text` at the first free candidate and reserves it; returns that candidate.
    mutating func place(_ text: String, candidates: [Candidate], size: Double? = nil) -> Candidate? {
        let size = size ?? fontSize
        for candidate in candidates where isFree(box(text, candidate, size: size)) {
            reserve(box(text, candidate, size: size))
            return candidate
        }
        return nil
    }

    /// Candidates around a point: right, left, above, below, then farther out.
    func around(_ point: (x: Double, y: Double), gap: Double) -> [Candidate] {
        let s = fontSize
        var result: [Candidate] = []
        for distance in [1.0, 2, 3.5] {
            let d = gap * distance
            result += [
                Candidate(x: point.x + d, y: point.y + s * 0.35, anchor: .start),
                Candidate(x: point.x - d, y: point.y + s * 0.35, anchor: .end),
                Candidate(x: point.x, y: point.y - d, anchor: .middle),
                Candidate(x: point.x, y: point.y + d + s * 0.8, anchor: .middle),
                Candidate(x: point.x + d, y: point.y - d, anchor: .start),
                Candidate(x: point.x - d, y: point.y - d, anchor: .end),
                Candidate(x: point.x + d, y: point.y + d + s * 0.7, anchor: .start),
                Candidate(x: point.x - d, y: point.y + d + s * 0.7, anchor: .end),
            ]
        }
        return result
    }
}
