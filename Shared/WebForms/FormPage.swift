import Foundation
import ServiceKit

/// The frame of every stage's page: the shared stylesheet, the page's task as its title
/// ("Error: " first when it shows errors), who is signed in and when the session ends, a
/// Sign out button, and the footer. No scripts, no refresh: a form must not reload under the
/// person typing.
package enum FormPage {
    /// A whole page around `body` (already HTML). `errors` prefixes the title with "Error: ".
    package static func document(
        title: String, heading: String, session: WebSession?, settings: SessionSettings?, errors: Bool = false, mainClass: String = "form",
        body: String
    ) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(errors ? "Error: " : "")\(HTML.escape(title)) — CSPR</title>
            <link rel="stylesheet" href="\(StyleSheet.path)">
            </head>
            <body>
            <header class="top">

            """
        if let session, let settings { html += sessionLine(session, settings) }
        html += "<h1>\(HTML.escape(heading))</h1>\n</header>\n<main class=\"\(mainClass)\" id=\"main\">\n\(body)</main>\n"
        html += """
            <footer>
            <p>This page holds personal data about children and families: do not leave it open, and sign out when you finish.</p>
            </footer>
            </body>
            </html>

            """
        return html
    }

    /// "Signed in as … · the session ends at 14:35 unless used" and Sign out (a POST with the
    /// CSRF token: a link could be followed by another site).
    static func sessionLine(_ session: WebSession, _ settings: SessionSettings) -> String {
        let idleMinutes = Int(settings.idle / 60)
        return """
            <div class="session">
            <span>Signed in as <strong>\(HTML.escape(session.principal.name))</strong></span>
            <span>Your session ends at <time>\(clockTime(session.ends(settings)))</time> (after \(idleMinutes) minutes without use)</span>
            <nav aria-label="Session"><a href="/">Your pages</a></nav>
            <form method="post" action="\(WebPages.signOutPath)">
            \(FormContext.csrf(session))<button type="submit" class="link">Sign out</button>
            </form>
            </div>

            """
    }

    /// `14:35` in UK time.
    package static func clockTime(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        let (hour, minute) = (parts.hour ?? 0, parts.minute ?? 0)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
