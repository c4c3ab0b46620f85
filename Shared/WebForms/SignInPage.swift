import ServiceKit

/// The sign-in form: the token pasted once, as a password field (not shown, not kept by the
/// browser's autofill under a name). A refused token is said to be refused, never why.
enum SignInPage {
    static func render(service: String, next: String, refused: Bool) -> String {
        let error = refused ? [FieldError(field: "token", message: "The token was not accepted. Check it and paste it again.")] : []
        let context = FormContext(values: FormData(values: [:]), errors: error)
        let field = """
            <div class="field\(refused ? " error" : "")">
            <label for="token">Your token</label>
            <p class="hint" id="token-hint">The token the partnership gave you, from its tokens file. You paste it once; the service then \
            keeps you signed in until you sign out or stop using it.</p>
            \(refused ? "<p class=\"error-message\" id=\"token-error\"><span class=\"visually-hidden\">Error:</span> The token was not accepted. Check it and paste it again.</p>\n" : "")\
            <input type="password" id="token" name="token" autocomplete="current-password" spellcheck="false" \
            aria-describedby="token-hint\(refused ? " token-error" : "")"\(refused ? " aria-invalid=\"true\"" : "")>
            </div>

            """
        let body =
            FormContext.errorSummary(context.errors)
            + "<form method=\"post\" action=\"\(WebPages.signInPath)\" novalidate>\n" + FormContext.hidden("next", next) + field
            + "<div class=\"buttons\">" + FormContext.button("Sign in", value: "sign-in") + "</div>\n</form>\n"
        return FormPage.document(
            title: "Sign in to \(service)", heading: "Sign in to \(service)", session: nil, settings: nil, errors: refused, body: body)
    }
}
