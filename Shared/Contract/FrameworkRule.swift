/// A numbered rule of the framework (RULES.md) that code enforces and names in its refusals
/// (`R9: ratify needs an agreed recommendation`), so a mistyped id does not compile. The raw
/// value is the id as the messages and RULES.md write it.
package enum FrameworkRule: String, Sendable, CaseIterable, CustomStringConvertible {
    // Timescales (T).
    case t1 = "T1"
    case t2 = "T2"
    case t3 = "T3"
    case t4 = "T4"
    case t5 = "T5"
    case t6 = "T6"
    case t7 = "T7"
    case t8 = "T8"
    case t9 = "T9"
    case t10 = "T10"
    // Rapid Review (R).
    case r1 = "R1"
    case r2 = "R2"
    case r3 = "R3"
    case r4 = "R4"
    case r5 = "R5"
    case r6 = "R6"
    case r7 = "R7"
    case r8 = "R8"
    case r9 = "R9"
    case r10 = "R10"
    // Review (V).
    case v1 = "V1"
    case v2 = "V2"
    case v3 = "V3"
    case v4 = "V4"
    case v5 = "V5"
    case v6 = "V6"
    case v7 = "V7"
    case v8 = "V8"
    case v9 = "V9"
    case v10 = "V10"
    // Publication (P).
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    case p4 = "P4"
    case p5 = "P5"
    case p6 = "P6"

    /// The rule a timescale is.
    package init(_ timescale: TimescaleRule) {
        switch timescale {
        case .t1: self = .t1
        case .t2: self = .t2
        case .t3: self = .t3
        case .t4: self = .t4
        case .t5: self = .t5
        case .t6: self = .t6
        case .t7: self = .t7
        case .t8: self = .t8
        case .t9: self = .t9
        case .t10: self = .t10
        case .p6: self = .p6
        case .r4: self = .r4
        }
    }

    /// The id as messages write it, e.g. `R9`.
    package var description: String { rawValue }
}
