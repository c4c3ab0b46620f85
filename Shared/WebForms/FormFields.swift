import ServiceKit

/// A refusal shown on a form: the field it is about (its `name`; for a date, the part that is
/// wrong, `….year`) and the message, worded the same in the summary and beside the field.
package struct FieldError: Sendable, Equatable {
    /// The field's name, as posted.
    package var field: String
    /// What is wrong, in words.
    package var message: String

    package init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// One form's values and refusals, and the fields drawn from them after FORMS.md: a visible
/// label, an optional hint, the error (with a visually hidden "Error:") between label and
/// input, both tied to the input by `aria-describedby`, and the value typed kept.
package struct FormContext: Sendable {
    /// What the person typed (or the draft kept).
    package var values: FormData
    /// The refusals to show.
    package var errors: [FieldError]

    package init(values: FormData, errors: [FieldError] = []) {
        self.values = values
        self.errors = errors
    }

    /// The element id of a field's name: letters and digits kept, anything else `-`.
    package static func id(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    /// The message about `name`, or about one of `parts` of it (a date's day, month, year).
    package func error(_ name: String, parts: [String] = []) -> FieldError? {
        errors.first { error in error.field == name || parts.contains { error.field == "\(name).\($0)" } }
    }

    /// "There is a problem" and one link per error to its field, first in `<main>`; empty when
    /// nothing was refused. It is focused by its heading's anchor so it is read first.
    package static func errorSummary(_ errors: [FieldError]) -> String {
        guard !errors.isEmpty else { return "" }
        let links = errors.map { "<li><a href=\"#\(id($0.field))\">\(HTML.escape($0.message))</a></li>" }.joined(separator: "\n")
        return """
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>
            \(links)
            </ul>
            </div>

            """
    }

    /// A text field (`multiline` for a textarea).
    package func text(
        _ name: String, label: String, hint: String? = nil, multiline: Bool = false, autocomplete: String = "off", inputmode: String? = nil
    ) -> String {
        let id = Self.id(name)
        let error = error(name)
        var described: [String] = []
        var html = "<div class=\"field\(error == nil ? "" : " error")\">\n"
        html += "<label for=\"\(id)\">\(HTML.escape(label))</label>\n"
        if let hint {
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>\n"
            described.append("\(id)-hint")
        }
        if let error {
            html += Self.errorMessage(error, id: "\(id)-error")
            described.append("\(id)-error")
        }
        let describedBy = described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\""
        let invalid = error == nil ? "" : " aria-invalid=\"true\""
        let mode = inputmode.map { " inputmode=\"\($0)\"" } ?? ""
        if multiline {
            html +=
                "<textarea id=\"\(id)\" name=\"\(HTML.escape(name))\" rows=\"5\"\(describedBy)\(invalid)>\(HTML.escape(values[name]))</textarea>\n"
        } else {
            html +=
                "<input type=\"text\" id=\"\(id)\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(values[name]))\" autocomplete=\"\(autocomplete)\"\(mode)\(describedBy)\(invalid)>\n"
        }
        return html + "</div>\n"
    }

    /// A date as three inputs (day, month, year) in a fieldset; the error names the part, and
    /// its summary link goes to that part (`<name>.year`) or to the day.
    package func date(_ name: String, legend: String, hint: String? = nil) -> String {
        let id = Self.id(name)
        let error = error(name, parts: ["day", "month", "year"])
        var described: [String] = []
        var html = "<div class=\"field\(error == nil ? "" : " error")\">\n<fieldset role=\"group\""
        if hint != nil { described.append("\(id)-hint") }
        if error != nil { described.append("\(id)-error") }
        if !described.isEmpty { html += " aria-describedby=\"\(described.joined(separator: " "))\"" }
        html += ">\n<legend>\(HTML.escape(legend))</legend>\n"
        if let hint { html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>\n" }
        if let error { html += Self.errorMessage(error, id: "\(id)-error") }
        html += "<div class=\"date\">\n"
        for (part, label) in [("day", "Day"), ("month", "Month"), ("year", "Year")] {
            let partName = "\(name).\(part)"
            let wrong = error.map { $0.field == name || $0.field == partName } ?? false
            html += "<div class=\"\(part)\"><label for=\"\(Self.id(partName))\">\(label)</label>"
            html +=
                "<input type=\"text\" inputmode=\"numeric\" id=\"\(Self.id(partName))\" name=\"\(HTML.escape(partName))\" value=\"\(HTML.escape(values[partName]))\""
            html += wrong ? " aria-invalid=\"true\"" : ""
            html += "></div>\n"
        }
        return html + "</div>\n</fieldset>\n</div>\n"
    }

    /// Radios in a fieldset; the first option carries the field's id (the summary's link).
    package func radios(_ name: String, legend: String, hint: String? = nil, options: [(value: String, label: String)]) -> String {
        choices(name, type: "radio", legend: legend, hint: hint, options: options.map { ($0.value, $0.label, name) })
    }

    /// Checkboxes in a fieldset, each its own field name (`<name>` posted as "yes" when ticked).
    package func checkboxes(_ legendName: String, legend: String, hint: String? = nil, boxes: [(name: String, label: String)]) -> String {
        choices(legendName, type: "checkbox", legend: legend, hint: hint, options: boxes.map { ("yes", $0.label, $0.name) })
    }

    private func choices(_ name: String, type: String, legend: String, hint: String?, options: [(value: String, label: String, field: String)])
        -> String
    {
        let id = Self.id(name)
        let error = error(name)
        var described: [String] = []
        if hint != nil { described.append("\(id)-hint") }
        if error != nil { described.append("\(id)-error") }
        var html = "<div class=\"field\(error == nil ? "" : " error")\">\n<fieldset"
        if !described.isEmpty { html += " aria-describedby=\"\(described.joined(separator: " "))\"" }
        html += ">\n<legend>\(HTML.escape(legend))</legend>\n"
        if let hint { html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>\n" }
        if let error { html += Self.errorMessage(error, id: "\(id)-error") }
        for (index, option) in options.enumerated() {
            let optionID = index == 0 ? id : "\(id)-\(index + 1)"
            let checked = values[option.field] == option.value ? " checked" : ""
            html += "<div class=\"choice\"><input type=\"\(type)\" id=\"\(optionID)\" name=\"\(HTML.escape(option.field))\" "
            html += "value=\"\(HTML.escape(option.value))\"\(checked)><label for=\"\(optionID)\">\(HTML.escape(option.label))</label></div>\n"
        }
        return html + "</fieldset>\n</div>\n"
    }

    /// A group of fields (a repeating item, a section's part) in a fieldset with a legend.
    package static func group(legend: String, _ body: String, className: String = "group") -> String {
        "<fieldset class=\"\(className)\">\n<legend>\(HTML.escape(legend))</legend>\n\(body)</fieldset>\n"
    }

    /// A submit button; `name` and `value` tell the handler which one was pressed (Add another,
    /// Remove, Continue), since the pages run no scripts.
    package static func button(_ label: String, name: String = "action", value: String, style: String? = nil) -> String {
        let className = style.map { " class=\"\($0)\"" } ?? ""
        return "<button type=\"submit\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\"\(className)>\(HTML.escape(label))</button>"
    }

    /// A hidden field.
    package static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(HTML.escape(name))\" value=\"\(HTML.escape(value))\">\n"
    }

    /// The session's CSRF token, which every POST carries (`WebPages` checks it).
    package static func csrf(_ session: WebSession) -> String { hidden(WebPages.csrfField, session.csrfToken) }

    /// A fresh idempotency key: a double submit of the same form is applied once.
    package static func idempotencyKey() -> String { hidden(PageCall.keyField, WebSessions.randomToken()) }

    private static func errorMessage(_ error: FieldError, id: String) -> String {
        "<p class=\"error-message\" id=\"\(id)\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(error.message))</p>\n"
    }
}
