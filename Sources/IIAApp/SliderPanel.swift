import IIACore

/// The slider panel's own state: the selected slider, the text typed for it, and the values
/// that come back when a scenario switches back (J, R, the simulated-dataset count).
public struct SliderPanel: Hashable, Sendable, Codable {
    /// The slider the arrows move.
    public var selected: SliderID = .m1
    /// The text typed so far for the selected slider (nil: not typing).
    public var typedText: String?
    /// J and R as last set: the scenario key restores them when it switches back to fixed
    /// queries or logit choices (nil: not set yet; J then defaults to |Y| - 1 and R to
    /// logit(p*(1)), the gap whose one-versus-one share equals p*(1)).
    public var rememberedFixedM1: Int?
    public var rememberedRewardGap: Double?
    /// The count `m` restores.
    public var lastSimulations = 100

    public init() {}

    /// J for fixed queries: the current or remembered one, clamped to 1…|Y|-1.
    public func fixedM1(for parameters: ModelParameters) -> Int {
        if case .fixed(let count) = parameters.queries { return count }
        return min(max(1, rememberedFixedM1 ?? parameters.k - 1), max(1, parameters.k - 1))
    }

    /// R for logit choices: the current or remembered one, else logit(p*(1)) within -5…5.
    public func rewardGap(for parameters: ModelParameters) -> Double {
        if case .logit(let gap) = parameters.choiceModel { return gap }
        if let rememberedRewardGap { return rememberedRewardGap }
        let spec = SliderID.rewardGap.spec
        return spec.clamped(SliderSpec.tidy((StableMath.logit(min(max(parameters.p1, 1e-9), 1 - 1e-9)) * 1000).rounded() / 1000))
    }

    /// The value a slider shows (J and R outside their scenario: the value they would take).
    public func value(of slider: SliderID, parameters: ModelParameters, simulations: Int) -> Double {
        switch slider {
        case .simulations: return Double(simulations)
        case .fixedM1: return slider.value(in: parameters) ?? Double(fixedM1(for: parameters))
        case .rewardGap: return slider.value(in: parameters) ?? rewardGap(for: parameters)
        default: return slider.value(in: parameters) ?? 0
        }
    }

    /// Selects the slider `offset` rows away among `visible`, wrapping around.
    public mutating func select(offset: Int, among visible: [SliderID]) {
        let index = visible.firstIndex(of: selected) ?? 0
        selected = visible[((index + offset) % visible.count + visible.count) % visible.count]
    }

    /// Keeps the selection on screen after the scenario changed: p*(1) and R swap places,
    /// a vanished J gives way to |Y|.
    public mutating func keepSelectionVisible(_ visible: [SliderID]) {
        guard !visible.contains(selected) else { return }
        switch selected {
        case .p1: selected = .rewardGap
        case .rewardGap: selected = .p1
        default: selected = .k
        }
    }

    /// Remembers the current J and R before the scenario changes.
    public mutating func remember(_ parameters: ModelParameters) {
        if case .fixed(let count) = parameters.queries { rememberedFixedM1 = count }
        if case .logit(let gap) = parameters.choiceModel { rememberedRewardGap = gap }
    }
}
