import Contract
import H2
import ServiceKit
import WebForms

/// The Appendix 5 document and the covering letter to the National Panel as HTML pages with the
/// A4 print stylesheet (the browser's print gives the PDF). Each view is `GetOutcomeDocument`
/// run as a call (`PageCall`): the child's details fetched from intake for this rendering only,
/// refused as the call is refused, audited as the call is.
struct DocumentPages: Sendable {
    static let (outcomePrefix, letterPrefix) = ("/documents/outcome/", "/documents/covering-letter/")
    let handlers: RapidReviewHandlers

    func page(_ request: PageRequest, kind: RapidReviewAPI.OutcomeDocumentKind) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request) else { return CaseForm.notFound(request) }
        let call = RapidReviewAPI.GetOutcomeDocumentRequest(caseReference: reference, format: .markdown, kind: kind)
        let context = handlers.context
        let result = await PageCall.run(
            RapidReviewAPI.getOutcomeDocument, call, session: request.session, idempotencyKey: nil, database: context.database,
            logger: context.logger, writeRate: context.writeRate, handler: handlers.getOutcomeDocument)
        let title = kind == .outcome ? "Rapid Review Outcome (Appendix 5)" : "Covering letter to the National Panel"
        switch result {
        case .failure(let error):
            let status = error.code == .notFound ? 404 : error.code == .unavailable ? 503 : 409
            return PageResponse.message(status, title: title, text: error.message, session: request.session, settings: request.settings)
        case .success(let document):
            let body = """
                <nav class="document-nav"><p><a href="\(CasePages.casePrefix)\(HTML.escape(reference.description))">Back to the Rapid Review</a> · \
                Print this page for the PDF (A4).</p></nav>
                <article class="document">
                \(PrintDocument.render(document.document))</article>

                """
            return PageResponse.html(
                FormPage.document(
                    title: "\(title) \(reference)", heading: title, session: request.session, settings: request.settings, mainClass: "document-page",
                    body: body))
        }
    }
}
