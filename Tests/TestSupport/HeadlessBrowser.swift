import Foundation

/// Debian's chromium, headless: the page's DOM once loaded, and screenshots.
package struct HeadlessBrowser {
    /// The browser's path.
    package let executable: String
    /// Its profile, fresh for each test.
    package let profile: URL

    /// The installed chromium, or nil (the test then fails, naming the package to install).
    package static func find() -> HeadlessBrowser? {
        let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        guard let path = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-chromium-\(UUID().uuidString)")
        return HeadlessBrowser(executable: path, profile: profile)
    }

    /// What the browser printed.
    package struct Run {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// The DOM of `url` after loading it, as chromium serialises it.
    package func dumpDOM(_ url: String) async throws -> Run {
        try await run(["--dump-dom", url])
    }

    /// A screenshot of `url` saved at `file`.
    package func screenshot(_ url: String, to file: URL, width: Int = 1280, height: Int = 1000) async throws -> Run {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: file)
        return try await run(["--window-size=\(width),\(height)", "--hide-scrollbars", "--screenshot=\(file.path)", url])
    }

    /// Runs chromium with the flags every run needs (root in a container: no sandbox).
    package func run(_ arguments: [String]) async throws -> Run {
        let flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--user-data-dir=\(profile.path)",
        ]
        let result = try await runCapturing(URL(fileURLWithPath: executable), flags + arguments, timeout: .seconds(90))
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    /// Removes the profile.
    package func cleanUp() { try? FileManager.default.removeItem(at: profile) }

    /// The text a reader sees: tags dropped, entities of the escaping undone, blanks collapsed.
    package static func visibleText(_ dom: String) -> String {
        var text = dom
        for element in ["head", "style", "script"] {
            text = text.replacingOccurrences(of: "<\(element)[\\s\\S]*?</\(element)>", with: " ", options: .regularExpression)
        }
        text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }
}
