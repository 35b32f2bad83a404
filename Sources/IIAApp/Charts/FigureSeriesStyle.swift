import IIACharts
import IIACore

/// How each algorithm is drawn in a vector figure: an Okabe–Ito colour, a dash and a marker,
/// so that every pair of algorithms differs in all three (colour is never the only carrier).
public extension Algorithm {
    /// RLPO vermillion, DPO orange, IL blue, SLiC reddish purple, RLPO-pairwise sky blue,
    /// TypeMLE bluish green.
    var figureColor: RGBColor {
        switch self {
        case .rlpo: return RGBColor.OkabeIto.vermillion
        case .dpo: return RGBColor.OkabeIto.orange
        case .il: return RGBColor.OkabeIto.blue
        case .slic: return RGBColor.OkabeIto.reddishPurple
        case .rlpoPairwise: return RGBColor.OkabeIto.skyBlue
        case .typeMLE: return RGBColor.OkabeIto.bluishGreen
        }
    }

    /// RLPO solid, DPO dashed, IL dash-dot, SLiC long dashes, RLPO-pairwise dotted, TypeMLE solid
    /// (with its own marker).
    var figureDash: FigureDash {
        switch self {
        case .rlpo, .typeMLE: return .solid
        case .dpo: return .dashed
        case .il: return .dashDot
        case .slic: return .longDash
        case .rlpoPairwise: return .dotted
        }
    }

    /// RLPO circle, DPO square, IL triangle, SLiC diamond, RLPO-pairwise cross, TypeMLE star.
    var figureMarker: FigureMarkerShape {
        switch self {
        case .rlpo: return .circle
        case .dpo: return .square
        case .il: return .triangle
        case .slic: return .diamond
        case .rlpoPairwise: return .cross
        case .typeMLE: return .star
        }
    }

    /// The look of this algorithm's curve, named `legend`.
    func figureLook(legend: String) -> FigureLook {
        FigureLook(color: figureColor, legend: legend, dash: figureDash, marker: figureMarker)
    }
}

public extension Sweep {
    /// The sweep with only the series of `algorithms` (in the sweep's order); all of them when nil.
    func selecting(_ algorithms: [Algorithm]?) -> Sweep {
        guard let algorithms else { return self }
        var sweep = self
        sweep.series = series.filter { algorithms.contains($0.algorithm) }
        return sweep
    }
}
