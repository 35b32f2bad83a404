import IIACore
let solver = RLHFSolver(.paperDefaults)
for r in solver.solve(PreferenceCounts.expected(.paperDefaults)) { print(r.algorithm.name, r.logOdds, r.pM1, r.iterations, r.termination) }
