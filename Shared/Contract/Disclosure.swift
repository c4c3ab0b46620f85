/// The messages of `CheckDisclosure` (P4), answered by every stage that holds people: intake
/// for the child and family, review-management for the family members and practitioners it
/// records. Publication checks a report with each before it may be scheduled.
package enum DisclosureAPI {
    /// `CheckDisclosure`'s request: a report text to check against the people the stage holds
    /// for the case (P4).
    package struct CheckDisclosureRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The report text.
        package var text: String
        package init(caseReference: CaseReference, text: String) {
            self.caseReference = caseReference
            self.text = text
        }
    }

    /// What kind of personal datum was found.
    package enum DisclosureKind: String, WireEnum {
        /// A family member's name, or a part of it.
        case name
        /// A name the person is also known as.
        case alias
        /// A line of an address with a house and a street.
        case address
        /// A postcode, in any spacing.
        case postcode
        /// A date of birth, in any written form.
        case dateOfBirth
        /// A practitioner's name, or a part of it (review-management): practitioners are not
        /// named in a published report (P4); the reviewers are, so they are not looked for.
        case practitionerName
    }

    /// One finding: what kind, and where in the text (UTF-8 byte offset and length, and the
    /// line). It does not repeat the datum: the caller has the text.
    package struct DisclosureFinding: Sendable, Equatable, Codable {
        /// What kind of datum.
        package var kind: DisclosureKind
        /// Whose: "child" or the relationship to the child ("mother"); for a practitioner,
        /// their part in the review ("agency contact"), never their name.
        package var whose: String
        /// Where it starts, in UTF-8 bytes from the start of the text.
        package var offset: Int
        /// Its length in UTF-8 bytes.
        package var length: Int
        /// Its line, from 1, counting line feeds.
        package var line: Int
        package init(kind: DisclosureKind, whose: String, offset: Int, length: Int, line: Int) {
            self.kind = kind
            self.whose = whose
            self.offset = offset
            self.length = length
            self.line = line
        }
    }

    /// `CheckDisclosure`'s answer.
    package struct CheckDisclosureResponse: Sendable, Equatable, Codable {
        /// Every finding, in the order of the text.
        package var findings: [DisclosureFinding]
        /// True when nothing was found.
        package var clean: Bool
        package init(findings: [DisclosureFinding]) {
            self.findings = findings
            self.clean = findings.isEmpty
        }
    }
}
