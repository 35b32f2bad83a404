import ArgumentParser
import IIACore

/// The model's settings as command-line options, shared by every subcommand.
///
/// Values are taken as text and parsed strictly, so that every bad value gets one clear line
/// naming the option and what it allows.
struct ModelOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "|M1|, messages in the first category (whole number 1…1e12; default 10).")
    var m1: String?
    @Option(parsing: .unconditional, help: "|M2|, messages in the second category (whole number 1…1e12; default 100).")
    var m2: String?
    @Option(parsing: .unconditional, help: "p*(1), share of the population preferring M1 (0…1; default 0.6).")
    var p1: String?
    @Option(parsing: .unconditional, help: "zeta = P_base(M1), the base policy's mass on M1 (strictly between 0 and 1; default 0.8).")
    var zeta: String?
    @Option(parsing: .unconditional, help: "|Y|, messages per choice set (whole number 2…64; default 2).")
    var k: String?
    @Option(parsing: .unconditional, help: "beta, the KL weight (finite, > 0; default 1).")
    var beta: String?
    @Option(parsing: .unconditional, help: "delta, the SLiC margin (finite, ≥ 0; default 1).")
    var delta: String?
    @Option(parsing: .unconditional, help: "|D|, the dataset size (> 0 and at most 1e300; a whole number 1…1e15 with --sims; default 1000).")
    var data: String?
    @Option(help: "How choice sets are formed: sampled (from the base policy, the default) or fixed (--fixed-m1 of M1, the rest M2).")
    var queries: String?
    @Option(name: .customLong("fixed-m1"), parsing: .unconditional, help: "With --queries fixed: the number J of M1 messages in every choice set (whole number 1…|Y|-1).")
    var fixedM1: String?
    @Option(name: .customLong("choice-model"), help: "How people choose: dichotomy (the default; violates IIA) or logit (satisfies IIA; needs --reward-gap).")
    var choiceModel: String?
    @Option(name: .customLong("reward-gap"), parsing: .unconditional, help: "With --choice-model logit: the base reward gap R = r(M1) - r(M2) (finite).")
    var rewardGap: String?
    @Option(help: "What each annotator returns: choice (one message, the default) or ranking (the whole set; Plackett-Luce; SLiC does not apply; needs --choice-model dichotomy).")
    var responses: String?

    /// The validated parameters; with a count table (`counts`, the text of --counts) |D| is its total.
    func parameters(counts: String? = nil) throws -> ModelParameters {
        var parameters = ModelParameters.paperDefaults
        if let m1 { parameters.m1 = try NumberParser.whole(m1, option: "--m1", range: 1...1_000_000_000_000) }
        if let m2 { parameters.m2 = try NumberParser.whole(m2, option: "--m2", range: 1...1_000_000_000_000) }
        if let p1 {
            parameters.p1 = try NumberParser.real(p1, option: "--p1", allowed: "a number in [0, 1]")
        }
        if let zeta {
            parameters.zeta = try NumberParser.real(zeta, option: "--zeta", allowed: "a number strictly between 0 and 1")
        }
        if let k { parameters.k = try NumberParser.whole(k, option: "--k", range: ModelParameters.choiceSetSizes) }
        if let beta { parameters.beta = try NumberParser.real(beta, option: "--beta", allowed: "a finite number > 0") }
        if let delta { parameters.delta = try NumberParser.real(delta, option: "--delta", allowed: "a finite number ≥ 0") }
        if let data { parameters.dataSize = try NumberParser.real(data, option: "--data", allowed: "a number > 0 and at most 1e300") }
        try applyScenario(to: &parameters)
        do {
            try parameters.validate()
        } catch {
            throw InputError(option: "--\(error.field)", allowed: error.allowed, got: rawValue(error.field))
        }
        if let table = try Self.countTable(counts, parameters) {
            if let data, table.total != parameters.dataSize {
                throw InputError(
                    option: "--data", allowed: "equal to the total of --counts (\(RoundTripNumber.text(table.total)))", got: data)
            }
            parameters.dataSize = table.total
        }
        return parameters
    }

    /// The query format, choice model and responses from --queries, --fixed-m1, --choice-model,
    /// --reward-gap and --responses, each checked against the others (ranking with logit choices
    /// is refused by ``ModelParameters/validate()``, whose message names --responses).
    func applyScenario(to parameters: inout ModelParameters) throws {
        switch queries ?? "sampled" {
        case "sampled":
            if fixedM1 != nil { throw InputError(option: "--fixed-m1", allowed: "used with --queries fixed") }
        case "fixed":
            guard let fixedM1 else {
                throw InputError(option: "--queries fixed", allowed: "given with --fixed-m1 J (1…|Y|-1 = \(parameters.k - 1))")
            }
            let count = try NumberParser.whole(fixedM1, option: "--fixed-m1", range: 1...max(1, parameters.k - 1))
            parameters.queries = .fixed(m1Count: count)
        default:
            throw InputError(option: "--queries", allowed: "sampled or fixed", got: queries)
        }
        switch choiceModel ?? "dichotomy" {
        case "dichotomy":
            if rewardGap != nil { throw InputError(option: "--reward-gap", allowed: "used with --choice-model logit") }
        case "logit":
            guard let rewardGap else {
                throw InputError(option: "--choice-model logit", allowed: "given with --reward-gap R (a finite number)")
            }
            parameters.choiceModel = .logit(rewardGap: try NumberParser.real(rewardGap, option: "--reward-gap", allowed: "a finite number"))
        default:
            throw InputError(option: "--choice-model", allowed: "dichotomy or logit", got: choiceModel)
        }
        if let responses {
            guard let format = ResponseFormat(rawValue: responses) else {
                throw InputError(option: "--responses", allowed: "choice or ranking", got: responses)
            }
            parameters.responses = format
        }
    }

    /// |D| must be a whole number (for simulated datasets): checks the text of --data.
    func requireWholeDataSize(reason: String) throws {
        guard let data else { return }
        _ = try NumberParser.whole(data, option: "--data", range: 1...1_000_000_000_000_000, condition: reason)
    }

    /// The count table from the text of --counts, if given.
    static func countTable(_ counts: String?, _ parameters: ModelParameters) throws -> PreferenceCounts? {
        guard let counts else { return nil }
        let allowed = "k + 1 = \(parameters.k + 1) comma-separated rows a/b of counts ≥ 0, e.g. 0/2,13/7,30/0"
        let rows = counts.split(separator: ",", omittingEmptySubsequences: false)
        var choseM1: [Double] = [], choseM2: [Double] = []
        for row in rows {
            let cells = row.split(separator: "/", omittingEmptySubsequences: false)
            guard cells.count == 2 else { throw InputError(option: "--counts", allowed: allowed, got: counts) }
            let a = try NumberParser.real(String(cells[0]), option: "--counts", allowed: allowed)
            let b = try NumberParser.real(String(cells[1]), option: "--counts", allowed: allowed)
            guard a >= 0, b >= 0 else { throw InputError(option: "--counts", allowed: allowed, got: counts) }
            choseM1.append(a)
            choseM2.append(b)
        }
        guard rows.count == parameters.k + 1 else {
            throw InputError(option: "--counts", allowed: "\(allowed) (got \(rows.count) rows)")
        }
        do {
            return try PreferenceCounts(k: parameters.k, choseM1: choseM1, choseM2: choseM2)
        } catch {
            throw InputError(option: "--counts", allowed: error.allowed, got: counts)
        }
    }

    /// The text given for a field (`m1`, `data`, `fixed-m1`, ...), if any.
    func rawValue(_ field: String) -> String? {
        switch field {
        case "m1": return m1
        case "m2": return m2
        case "p1": return p1
        case "zeta": return zeta
        case "k": return k
        case "beta": return beta
        case "delta": return delta
        case "data": return data
        case "fixed-m1": return fixedM1
        case "reward-gap": return rewardGap
        case "responses": return responses
        default: return nil
        }
    }
}

/// The --counts option, for the commands that solve one given table (solve, explain).
struct CountsOption: ParsableArguments {
    @Option(parsing: .unconditional, help: "A count table a0/b0,a1/b1,…,ak/bk: row j offered j M1 messages; a chose M1, b chose M2 (finite counts ≥ 0).")
    var counts: String?
}

/// Simulated-data options: how many datasets and the seed.
struct SimulationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Draw this many simulated datasets instead of using expected data (whole number 1…1e5; see the work limit in iia-explorer --help).")
    var sims: String?
    @Option(parsing: .unconditional, help: "Seed of the simulated data (whole number 0…18446744073709551615; default 1).")
    var seed: String?

    /// The number of datasets (0 = expected data), checked against the work limit for
    /// `points` grid points per dataset.
    func simulations(points: Int = 1) throws -> Int {
        guard let sims else { return 0 }
        let count = try NumberParser.whole(sims, option: "--sims", range: 1...WorkLimit.simulationsPerPoint)
        try WorkLimit.checkSimulatedDatasets(points: points, simulations: count)
        return count
    }

    func seedValue() throws -> UInt64 {
        guard let seed else { return 1 }
        return try NumberParser.unsigned(seed, option: "--seed")
    }
}

