/// The one-sided slopes of an objective at a kink, and its data part's one-sided derivatives
/// when they are known exactly.
public struct KinkSlopes: Sendable {
    public var left: Slope
    public var right: Slope
    public var dataLeft: Double?
    public var dataRight: Double?

    public init(left: Slope, right: Slope, dataLeft: Double? = nil, dataRight: Double? = nil) {
        self.left = left
        self.right = right
        self.dataLeft = dataLeft
        self.dataRight = dataRight
    }
}
