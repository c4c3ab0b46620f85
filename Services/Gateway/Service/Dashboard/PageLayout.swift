import Contract
import Foundation
import ServiceKit
import WebForms

/// The frame every page shares: head (stylesheet, refresh every 60 s), the "as of" line, a
/// banner per unavailable stage, and the footer.
enum PageLayout {
    /// Seconds between the browser's refreshes of a page.
    static let refreshSeconds = 60

    /// A whole page around `body` (already HTML). `state` gives the "as of" line and banners.
    static func page(title: String, heading: String, state: ViewAsOf?, cacheSeconds: Int, body: String) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="\(refreshSeconds)">
            <title>\(HTML.escape(title))</title>
            <link rel="stylesheet" href="\(StyleSheet.path)">
            </head>
            <body>
            <header class="top">
            <h1>\(HTML.escape(heading))</h1>

            """
        if let state {
            html += "<p class=\"meta\">As of <time>\(Labels.time(state.asOf))</time>"
            html += cacheSeconds > 0 ? " (the stages are asked for changes every \(cacheSeconds) s)" : ""
            html += " · deadlines judged on \(HTML.escape(Labels.longDate(state.today)))"
            html += "<span class=\"screen-only\"> · this page refreshes every \(refreshSeconds) s</span></p>\n"
        }
        html += "</header>\n"
        if let state { html += banners(state.unavailable) }
        html += "<main>\n\(body)</main>\n"
        html += """
            <footer>
            <p>Read-only view of the stage services for the Case Review Panel. It shows case references, stages, milestones and \
            deadlines only: no names, addresses or dates of birth.</p>
            </footer>
            </body>
            </html>

            """
        return html
    }

    /// One banner per stage that did not answer, saying since when: its part of each case is
    /// as it last sent it.
    static func banners(_ outages: [GatewayAPI.StageOutage]) -> String {
        outages.map { outage in
            let text =
                "The \(outage.stage) service is unavailable since \(Labels.time(outage.since)) (\(outage.code)): "
                + "its part of each case below is as it last sent it, and changes since then are not shown."
            return HTML.element("div", text, ["class": "banner", "role": "alert"]) + "\n"
        }.joined()
    }

    /// A short page with a message (sign-in, not found, errors).
    static func message(title: String, heading: String, text: String) -> String {
        page(
            title: "\(title) — CSPR", heading: heading, state: nil, cacheSeconds: 0,
            body: HTML.element("p", text) + "\n<nav><p><a href=\"/\">All cases</a></p></nav>\n")
    }
}
