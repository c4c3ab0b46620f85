import Contract
import Disclosure
import RPC
import ServiceKit

/// The disclosure check for publication (P4).
extension ReviewManagementHandlers {
    /// Publication's check of a report for the family members and practitioners the review
    /// records. NOT_FOUND when no review was commissioned for the case.
    func checkDisclosure(_ request: DisclosureAPI.CheckDisclosureRequest, _ call: CallContext) async throws
        -> DisclosureAPI.CheckDisclosureResponse
    {
        let text = request.text
        // The same refusal as intake's: a list of dates is not a report.
        try await context.compute.run { () throws(ReviewManagementError) in
            if let problem = DisclosureScanner.refusalBeforeScan(text) { throw .invalidField(path: "text", rule: nil, problem: problem) }
        }
        let review = try await store.review(request.caseReference)
        let (family, practitioners) = (review.disclosureFamily, review.disclosurePractitioners)
        // The scan (dozens of regular expressions over a whole report) runs on the compute
        // threads, not on the connection's event loop or a database reader.
        let findings = await context.compute.run { DisclosureScanner.scan(text, people: family, practitioners: practitioners) }
        return DisclosureAPI.CheckDisclosureResponse(findings: findings)
    }
}
