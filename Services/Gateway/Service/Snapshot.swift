import Contract
import Foundation
import WorkingDays

/// Every case across the stages at one moment: what all three calls and the dashboard read.
package struct Snapshot: Sendable, Equatable {
    /// The cases, most urgent first (`CaseJudgement.byNextDeadline`).
    package var cases: [GatewayAPI.CaseOverview]
    /// Stages whose part is missing.
    package var unavailable: [GatewayAPI.StageOutage]
    /// When the stages were asked.
    package var asOf: Date
    /// The date deadlines were judged on.
    package var today: CivilDate

    package init(cases: [GatewayAPI.CaseOverview], unavailable: [GatewayAPI.StageOutage], asOf: Date, today: CivilDate) {
        self.cases = cases
        self.unavailable = unavailable
        self.asOf = asOf
        self.today = today
    }

    /// The case with `reference`, if a stage that answered knows it.
    package func overview(of reference: CaseReference) -> GatewayAPI.CaseOverview? {
        cases.first { $0.reference == reference }
    }
}

/// Reuses a snapshot for a short while, to protect the stage services from a dashboard left
/// open in many browsers; callers arriving while the stages are being asked share that one
/// round instead of starting their own.
package actor SnapshotCache {
    private let maxAge: Duration
    private let load: @Sendable () async -> Snapshot
    private var current: (snapshot: Snapshot, takenAt: ContinuousClock.Instant)?
    private var loading: Task<Snapshot, Never>?

    /// Serves a snapshot for `maxAge` (zero: asks every time), loading it with `load`.
    package init(maxAge: Duration, load: @escaping @Sendable () async -> Snapshot) {
        self.maxAge = maxAge
        self.load = load
    }

    /// A snapshot no older than `maxAge`.
    package func snapshot() async -> Snapshot {
        if let current, ContinuousClock.now - current.takenAt < maxAge { return current.snapshot }
        if let loading { return await loading.value }
        let task = Task { await load() }
        loading = task
        let snapshot = await task.value
        current = (snapshot, ContinuousClock.now)
        loading = nil
        return snapshot
    }
}
