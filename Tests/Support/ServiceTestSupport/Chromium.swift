import Foundation
import TestSupport

/// Whether the browser tests can drive real chromium here (chromium, chromium-driver, and
/// Python's selenium and axe-selenium-python). Where it cannot, a test is skipped with the
/// reason printed, unless `CSPR_REQUIRE_BROWSER=1` (deploy/test.sh sets it): then it fails, so a
/// run that was meant to drive the browser cannot pass without doing so.
package enum Chromium {
    /// Why the browser cannot run here, or nil when it can.
    package static func unavailable() async -> String? {
        for (path, package) in [("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            return "\(path) is missing: apt-get install -y \(package) (deploy/test.sh installs it)"
        }
        let probe = try? await runCapturing(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium, axe_selenium_python"], timeout: .seconds(30))
        guard probe?.status == 0 else { return "python3 cannot import selenium and axe_selenium_python: pip install selenium axe-selenium-python" }
        return nil
    }

    /// True when the test may drive the browser; false (printed) to skip it; throws when the
    /// browser is required and missing.
    package static func ready() async throws -> Bool {
        guard let reason = await unavailable() else { return true }
        if ProcessInfo.processInfo.environment["CSPR_REQUIRE_BROWSER"] == "1" { throw ChromiumMissing(reason: reason) }
        print("skipped: chromium cannot run here: \(reason)")
        return false
    }

    /// The browser was required (`CSPR_REQUIRE_BROWSER=1`) and cannot run.
    package struct ChromiumMissing: Error, CustomStringConvertible {
        package let reason: String
        package var description: String { "CSPR_REQUIRE_BROWSER=1 but chromium cannot run here: \(reason)" }
    }
}
