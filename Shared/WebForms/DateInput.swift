import WorkingDays

/// A date typed as three inputs (`<name>.day`, `.month`, `.year`, FORMS.md) read back: the
/// error names the part that is missing, or says the date is not a real one, as GOV.UK's
/// date pattern words it.
package enum DateInput {
    /// The date, or nil: with no error when all three are blank and it is optional; otherwise
    /// with its error appended to `errors` (on the part that is wrong, or the day).
    package static func read(_ values: FormData, _ name: String, label: String, required: Bool, errors: inout [FieldError]) -> CivilDate? {
        let parts = ["day", "month", "year"].map { (part: $0, text: values.text("\(name).\($0)")) }
        if parts.allSatisfy({ $0.text == nil }) {
            if required { errors.append(FieldError(field: "\(name).day", message: "Enter the \(label.prefix(1).lowercased() + label.dropFirst())")) }
            return nil
        }
        if let missing = parts.first(where: { $0.text == nil }) {
            errors.append(FieldError(field: "\(name).\(missing.part)", message: "\(label) must include a \(missing.part)"))
            return nil
        }
        let numbers = parts.map { Int($0.text ?? "") }
        guard let day = numbers[0], let month = numbers[1], let year = numbers[2], (1900...9999).contains(year),
            let date = CivilDate(year: year, month: month, day: day)
        else {
            let wrong = !(1...31).contains(numbers[0] ?? 0) ? "day" : !(1...12).contains(numbers[1] ?? 0) ? "month" : "year"
            errors.append(FieldError(field: "\(name).\(wrong)", message: "\(label) must be a real date"))
            return nil
        }
        return date
    }
}
