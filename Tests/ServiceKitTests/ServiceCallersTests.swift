import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Testing

@Suite("Which service may call which method (issue 17, item 8)")
struct ServiceCallersTests {
    /// The whole matrix in one table: every method a service may call, with the services that
    /// may call it, each as itself. Every other method of the stack (and ServiceKit's admin
    /// calls) refuses every service.
    static let allowed: [String: Set<String>] = [
        "/cspr.intake.v1.Intake/CheckDisclosure": ["publication", "rapid-review"],
        "/cspr.intake.v1.Intake/RecordRapidReviewMeeting": ["rapid-review"],
        "/cspr.intake.v1.Intake/GetOutcomeParticulars": ["rapid-review"],
        "/cspr.intake.v1.Intake/GetStatuses": ["gateway", "publication"],
        "/cspr.rapidreview.v1.RapidReview/OpenRapidReview": ["intake"],
        "/cspr.rapidreview.v1.RapidReview/UpdateRapidReview": ["intake"],
        "/cspr.rapidreview.v1.RapidReview/GetStatuses": ["gateway", "publication"],
        "/cspr.review.v1.ReviewManagement/CommissionReview": ["rapid-review"],
        "/cspr.review.v1.ReviewManagement/CheckDisclosure": ["publication"],
        "/cspr.review.v1.ReviewManagement/GetStatuses": ["gateway", "publication"],
        "/cspr.publication.v1.Publication/PreparePublication": ["review-management"],
        "/cspr.publication.v1.Publication/GetStatuses": ["gateway"],
    ]

    /// Every method a service of the stack serves: its contract's and ServiceKit's admin calls.
    static let methods: [MethodInfo] =
        ServiceIdentity.all.flatMap { $0.methods.map(\.info) }
        + [
            AdminAPI.backup.info, AdminAPI.integrityCheck.info, AdminAPI.listDeadLetters.info, AdminAPI.retryDeadLetter.info,
            AdminAPI.getAuditTrail.info,
        ]

    /// The interceptor as every service runs it, over the test tokens (a principal per service,
    /// named as the service, with the roles its identity gives it).
    static func answer(_ method: MethodInfo, token: String) async -> RPCError? {
        do {
            let interceptor = AuthInterceptor(tokens: try TokensFile(text: TestTokens.file))
            var metadata = Metadata()
            metadata.add("authorization", "Bearer \(token)")
            _ = try await interceptor.intercept(CallContext(method: method, metadata: metadata), request: Data()) { _, _ in Data() }
            return nil
        } catch let error as RPCError {
            return error
        } catch {
            return RPCError(.unknown, "\(error)")
        }
    }

    @Test("method x calling service -> allowed, for every method of the stack", arguments: ServiceIdentity.all)
    func matrix(caller: ServiceIdentity) async {
        for method in Self.methods {
            let expected = Self.allowed[method.path]?.contains(caller.name) ?? false
            let refusal = await Self.answer(method, token: TestTokens.service(caller))
            #expect((refusal == nil) == expected, "\(caller.name) -> \(method.path): \(refusal?.message ?? "answered")")
            if let refusal { #expect(refusal.code == .permissionDenied, "\(caller.name) -> \(method.path)") }
        }
    }

    @Test("the table names only methods that exist, and a method lists the role service exactly when it names callers")
    func tableMatchesContract() {
        let paths = Set(Self.methods.map(\.path))
        #expect(Set(Self.allowed.keys).subtracting(paths).isEmpty)
        for method in Self.methods {
            #expect(method.roles.contains(Role.service.rawValue) == !method.callers.isEmpty, "\(method.path)")
        }
    }

    @Test("a service's refusal names the method and the caller, never the services that may call it")
    func refusalMessage() async throws {
        let refusal = try #require(await Self.answer(RapidReviewAPI.openRapidReview.info, token: TestTokens.service(.gateway)))
        #expect(refusal.code == .permissionDenied)
        #expect(refusal.message.contains("OpenRapidReview"))
        #expect(refusal.message.hasPrefix("gateway "))
        #expect(!refusal.message.contains("intake"))
    }

    @Test("people are judged by their roles as before: the publication team checks a report, viewers read statuses")
    func peopleAsBefore() async {
        #expect(await Self.answer(IntakeAPI.checkDisclosure.info, token: TestTokens.publication) == nil)
        #expect(await Self.answer(ReviewManagementAPI.checkDisclosure.info, token: TestTokens.publication) == nil)
        #expect(await Self.answer(IntakeAPI.getStatuses.info, token: TestTokens.viewer) == nil)
        #expect(await Self.answer(RapidReviewAPI.openRapidReview.info, token: TestTokens.staff)?.code == .permissionDenied)
        #expect(await Self.answer(IntakeAPI.checkDisclosure.info, token: TestTokens.viewer)?.code == .permissionDenied)
    }
}
