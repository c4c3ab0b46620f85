import Contract
import Foundation
import RPC
import ServiceKit
import Synchronization
import WorkingDays

/// The statuses a stand-in stage answers with, changeable while it runs.
package final class StandInStore: Sendable {
    private let statuses: Mutex<[CaseStatus]>

    package init(_ statuses: [CaseStatus] = []) {
        self.statuses = Mutex(statuses)
    }

    /// Every status, in reference order.
    package var all: [CaseStatus] { statuses.withLock { $0.sorted { $0.reference < $1.reference } } }

    /// Adds or replaces the status of its case.
    package func put(_ status: CaseStatus) {
        statuses.withLock { statuses in
            statuses.removeAll { $0.reference == status.reference }
            statuses.append(status)
        }
    }
}

/// Stand-ins for the stage services while intake and rapid-review are being built: ServiceKit
/// services with the real names, paths, tokens and roles, answering `GetStatuses` with
/// statuses the tests control. The intake stand-in also takes `SubmitReferral`, so that `cspr`
/// can submit a referral and see its case appear through the gateway.
package enum StandInStages {
    /// A stand-in for `stage` (`.intake`, `.rapidReview`, ...) answering from `store`.
    package static func definition(_ stage: ServiceIdentity, store: StandInStore) -> ServiceDefinition {
        ServiceDefinition(identity: stage, migrations: []) { context in
            var routes = RouteTable()
            routes.register(stage.getStatuses) { request, _ in
                let wanted = Set(request.references)
                return GetStatusesResponse(statuses: store.all.filter { wanted.isEmpty || wanted.contains($0.reference) })
            }
            if stage == .intake {
                routes.register(IntakeAPI.submitReferral) { request, call in
                    let response = try submit(request.referral, store: store, context: context)
                    call.annotations.set(AuditTrail.caseReferenceKey, response.caseReference.description)
                    return response
                }
            }
            registerCleanDisclosureCheck(on: &routes, of: stage)
            return routes
        }
    }

    /// intake's and review-management's `CheckDisclosure`, finding nothing: for tests whose
    /// publication must pass the anonymisation gate (P4) against stand-in stages.
    package static func registerCleanDisclosureCheck(on routes: inout RouteTable, of stage: ServiceIdentity) {
        let method: Method<DisclosureAPI.CheckDisclosureRequest, DisclosureAPI.CheckDisclosureResponse>? =
            switch stage {
            case .intake: IntakeAPI.checkDisclosure
            case .reviewManagement: ReviewManagementAPI.checkDisclosure
            default: nil
            }
        guard let method else { return }
        routes.register(method) { _, _ in DisclosureAPI.CheckDisclosureResponse(findings: []) }
    }

    /// A stand-in that (wrongly) tries to send a child's name with each status: its answers are
    /// raw JSON with a `childName` beside every status's fields.
    package static func leaky(_ stage: ServiceIdentity, store: StandInStore, childName: String) -> ServiceDefinition {
        ServiceDefinition(identity: stage, migrations: []) { _ in
            var routes = RouteTable()
            routes.registerRaw(stage.getStatuses.info) { _, _ in
                var statuses: [Any] = []
                for status in store.all {
                    guard var object = try JSONSerialization.jsonObject(with: try JSONCodec.encode(status)) as? [String: Any] else { continue }
                    object["childName"] = childName
                    statuses.append(object)
                }
                return try JSONSerialization.data(withJSONObject: ["statuses": statuses, "childName": childName], options: [.sortedKeys])
            }
            return routes
        }
    }

    /// Records a case for the referral: the next reference of the year it was received, its
    /// receipt as a milestone, and T2, T3, T4 and T6 from it (a stand-in's shortcut: the real
    /// intake validates the form and links repeat referrals).
    static func submit(_ referral: Referral, store: StandInStore, context: ServiceContext) throws(RPCError) -> IntakeAPI.SubmitReferralResponse {
        let received = referral.dateReceived
        let year = received.year
        let sequence = store.all.filter { $0.reference.year == year }.map(\.reference.sequence).max().map { $0 + 1 } ?? 1
        guard let reference = CaseReference(partnership: context.configuration.partnership, year: year, sequence: sequence) else {
            throw RPCError(.resourceExhausted, "referral.dateReceived: no case reference left for \(year)")
        }
        let deadlines = [TimescaleRule.t2, .t3, .t4, .t6].map { Timescales.rule($0) }.compactMap { timescale in
            Deadline.compute(timescale, from: received, metOn: nil, today: context.today.date, calendar: context.calendar, ruleSet: .surrey2019)
        }
        store.put(
            CaseStatus(
                reference: reference, stage: .intake, milestones: [Milestone(event: "referralReceived", date: received)], deadlines: deadlines))
        return IntakeAPI.SubmitReferralResponse(caseReference: reference, linkedToExistingCase: false, deadlines: deadlines)
    }
}
