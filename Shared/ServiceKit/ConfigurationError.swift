/// A bad configuration value, named so the operator can fix it: the variable, what it held,
/// and what was expected.
package struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The environment variable (or file) at fault.
    package let variable: String
    /// What is wrong and what is expected.
    package let problem: String

    package init(variable: String, problem: String) {
        self.variable = variable
        self.problem = problem
    }

    package var description: String { "\(variable): \(problem)" }
}
