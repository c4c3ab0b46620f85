import RPC
import WorkingDays

// MARK: - The disclosure check for publication (P4)

extension IntakeAPI {
    /// `CheckDisclosure`'s request: a report text to check against the case's family (P4).
    package struct CheckDisclosureRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var text: String
        package init(caseReference: CaseReference, text: String) {
            self.caseReference = caseReference
            self.text = text
        }
    }

    /// What kind of personal datum was found.
    package enum DisclosureKind: String, WireEnum {
        case name
        case alias
        case address
        case postcode
        case dateOfBirth
    }

    /// One finding: what kind, and where in the text (UTF-8 byte offset and length, and the
    /// line). It does not repeat the datum: the caller has the text.
    package struct DisclosureFinding: Sendable, Equatable, Codable {
        package var kind: DisclosureKind
        /// Whose: "child" or the relationship to the child ("mother").
        package var whose: String
        package var offset: Int
        package var length: Int
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
        package var findings: [DisclosureFinding]
        /// True when nothing was found.
        package var clean: Bool
        package init(findings: [DisclosureFinding]) {
            self.findings = findings
            self.clean = findings.isEmpty
        }
    }
}
