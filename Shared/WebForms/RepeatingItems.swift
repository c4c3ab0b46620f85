/// A repeating group of a form without scripts (FORMS.md): its count in a hidden
/// `count.<name>` field, "Add another" and each item's "Remove" as submit buttons that post the
/// form and return it with one item more or less, what was typed kept.
package struct RepeatingItems: Sendable {
    /// The field path of the list: `participants`, `immediateAction.actions`.
    package let name: String
    /// Each item's fields after `<name>[i].`.
    package let parts: [String]
    /// The count when the form has none (a new form).
    package let initial: Int

    /// A group named `name` whose items have `parts` (`[""]` for a list of plain texts).
    package init(name: String, parts: [String], initial: Int) {
        self.name = name
        self.parts = parts
        self.initial = initial
    }

    /// `<name>[index].<part>`, or `<name>[index]` for the empty part (a list of plain texts).
    package func field(_ index: Int, _ part: String) -> String { part.isEmpty ? "\(name)[\(index)]" : "\(name)[\(index)].\(part)" }

    /// The items in the form.
    package func count(_ values: FormData) -> Int { max(0, min(50, Int(values["count.\(name)"]) ?? initial)) }

    /// The add button's value, and a remove button's.
    package var addAction: String { "add:\(name)" }
    package func removeAction(_ index: Int) -> String { "remove:\(name):\(index)" }

    /// `values` after the button `action`, or nil when `action` is not one of this group's.
    package func applying(_ action: String, to values: FormData) -> FormData? {
        var fields = values.values
        let count = count(values)
        if action == addAction {
            fields["count.\(name)"] = "\(count + 1)"
            return FormData(values: fields)
        }
        let prefix = "remove:\(name):"
        guard action.hasPrefix(prefix), let index = Int(action.dropFirst(prefix.count)), (0..<count).contains(index) else { return nil }
        for item in index..<count {
            for part in parts { fields[field(item, part)] = item + 1 < count ? values[field(item + 1, part)] : nil }
        }
        fields["count.\(name)"] = "\(count - 1)"
        return FormData(values: fields)
    }

    /// The hidden count.
    package func hidden(_ values: FormData) -> String { FormContext.hidden("count.\(name)", "\(count(values))") }
}
