// swift-tools-version:6.0
// CSPR: the Local Child Safeguarding Practice Review services.
// Foundation only; two C libraries (libnghttp2, libsqlite3) through system-library targets.
import PackageDescription

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "CSPR",
    products: [
        .executable(name: "cspr-echo-server", targets: ["EchoServer"]),
        .executable(name: "storage-bench", targets: ["StorageBench"]),
        .executable(name: "intake", targets: ["IntakeMain"]),
        .executable(name: "rapid-review", targets: ["RapidReviewMain"]),
        .executable(name: "gateway", targets: ["GatewayMain"]),
        .executable(name: "cspr", targets: ["ConsoleMain"]),
        .executable(name: "review-management", targets: ["ReviewManagementMain"]),
        .executable(name: "publication", targets: ["PublicationMain"]),
    ],
    targets: [
        // The gateway: every case across the stages, read-only, and the panel's dashboard.
        .target(
            name: "GatewayService", dependencies: ["ServiceKit", "WebForms", "Contract", "RPC", "H2", "Storage", "WorkingDays"],
            path: "Services/Gateway/Service", swiftSettings: swift6),
        .executableTarget(name: "GatewayMain", dependencies: ["GatewayService", "ServiceKit"], path: "Services/Gateway/Main", swiftSettings: swift6),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "GatewayService", "ServiceKit", "Contract", "RPC", "H2", "WorkingDays", "TestSupport", "ServiceTestSupport", "GatewayStandIns",
                "GatewayMain", "GatewayStandInStage", "IntakeService",
            ],
            path: "Tests/GatewayTests", swiftSettings: swift6),
        .target(
            name: "GatewayStandIns", dependencies: ["ServiceKit", "Contract", "RPC", "H2", "WorkingDays", "TestSupport", "ServiceTestSupport"],
            path: "Tests/Support/GatewayStandIns",
            swiftSettings: swift6),
        .executableTarget(
            name: "GatewayStandInStage", dependencies: ["GatewayStandIns", "ServiceKit"], path: "Tests/Support/GatewayStandInStage",
            swiftSettings: swift6),

        // cspr: the operators' command-line client of every service.
        .target(
            name: "ConsoleCommands", dependencies: ["Contract", "RPC", "H2", "ServiceKit", "WorkingDays"], path: "Services/Console/Commands",
            swiftSettings: swift6),
        .executableTarget(name: "ConsoleMain", dependencies: ["ConsoleCommands"], path: "Services/Console/Main", swiftSettings: swift6),
        .testTarget(
            name: "ConsoleTests",
            dependencies: [
                "ConsoleCommands", "Contract", "RPC", "WorkingDays", "TestSupport", "ServiceTestSupport", "GatewayStandIns", "ConsoleMain",
                "GatewayMain", "GatewayStandInStage",
            ],
            path: "Tests/ConsoleTests", swiftSettings: swift6),

        // Transport: HTTP/2 (h2c) and HTTP/1.1 on libnghttp2. Knows nothing of RPC or the domain.
        .target(name: "H2", dependencies: ["CNGHTTP2"], path: "Shared/H2", swiftSettings: swift6),
        .testTarget(name: "H2Tests", dependencies: ["H2", "CNGHTTP2", "TestSupport"], path: "Tests/H2Tests", swiftSettings: swift6),

        // gRPC-style calls (gRPC and Connect unary JSON) over H2.
        .target(name: "RPC", dependencies: ["H2"], path: "Shared/RPC", swiftSettings: swift6),
        .testTarget(name: "RPCTests", dependencies: ["RPC", "H2", "TestSupport", "EchoServer"], path: "Tests/RPCTests", swiftSettings: swift6),

        // Real peers we did not write (Python grpcio, grpcio-health-checking, h2, curl) against
        // our server and client, and the bad-input cases, each in its own process.
        .testTarget(
            name: "InteropTests", dependencies: ["RPC", "H2", "TestSupport", "EchoServer"], path: "Tests/InteropTests",
            exclude: ["python"], swiftSettings: swift6),

        // Attacks without a token (issue 17): connection slots, bodies before authentication,
        // and the wire rules an attacker would lean on, each over real sockets.
        .testTarget(
            name: "SecurityTests", dependencies: ["RPC", "H2", "TestSupport"], path: "Tests/SecurityTests", swiftSettings: swift6),

        // SQLite storage: database, named migration steps, group commit, outbox and inbox; civil
        // dates bind as `YYYY-MM-DD` with WorkingDays' own arithmetic.
        .target(name: "Storage", dependencies: ["CSQLite", "WorkingDays"], path: "Shared/Storage", swiftSettings: swift6),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "StorageCrashWriter", "TestSupport", "WorkingDays"],
            path: "Tests/StorageTests", swiftSettings: swift6),

        // England and Wales calendar: civil dates, bank holidays, working-day arithmetic, "today".
        .target(name: "WorkingDays", path: "Shared/WorkingDays", swiftSettings: swift6),
        .testTarget(
            name: "WorkingDaysTests", dependencies: ["WorkingDays", "TestSupport"], path: "Tests/WorkingDaysTests",
            swiftSettings: swift6),

        // The shared contract: the framework's forms as messages, timescales, descriptors, roles.
        .target(name: "Contract", dependencies: ["RPC", "WorkingDays"], path: "Shared/Contract", swiftSettings: swift6),
        .testTarget(
            name: "ContractTests", dependencies: ["Contract", "RPC", "WorkingDays"], path: "Tests/ContractTests",
            exclude: ["golden"], swiftSettings: swift6),

        // The disclosure scan (P4): a report text against the people a stage holds.
        .target(name: "Disclosure", dependencies: ["Contract", "WorkingDays"], path: "Shared/Disclosure", swiftSettings: swift6),
        .testTarget(
            name: "DisclosureTests", dependencies: ["Disclosure", "Contract", "WorkingDays"], path: "Tests/DisclosureTests",
            swiftSettings: swift6),

        // What every service does the same way: configuration, logs, auth, audit, relay, lifecycle.
        .target(
            name: "ServiceKit", dependencies: ["RPC", "H2", "Storage", "Contract", "WorkingDays"], path: "Shared/ServiceKit", exclude: ["README.md"],
            swiftSettings: swift6),
        .testTarget(
            name: "ServiceKitTests",
            dependencies: [
                "ServiceKit", "Contract", "H2", "RPC", "Storage", "TestSupport", "ServiceTestSupport", "ServiceKitTestServices",
                "ServiceKitTestService",
            ],
            path: "Tests/ServiceKitTests", swiftSettings: swift6),
        // The stages' pages in the browser: the shared stylesheet and form helpers, sign-in
        // with server-side sessions and CSRF tokens, a form's post run as its RPC call.
        .target(
            name: "WebForms", dependencies: ["ServiceKit", "RPC", "H2", "Storage", "Contract", "WorkingDays"], path: "Shared/WebForms",
            exclude: ["README.md"],
            swiftSettings: swift6),
        .testTarget(
            name: "WebFormsTests", dependencies: ["WebForms", "ServiceKit", "RPC", "H2", "Storage", "Contract", "TestSupport", "ServiceTestSupport"],
            path: "Tests/WebFormsTests", swiftSettings: swift6),
        .target(
            name: "ServiceTestSupport", dependencies: ["ServiceKit", "Contract", "RPC", "Storage", "TestSupport"],
            path: "Tests/Support/ServiceTestSupport",
            swiftSettings: swift6),
        .target(
            name: "ServiceKitTestServices", dependencies: ["ServiceKit", "RPC", "Storage", "Contract"],
            path: "Tests/Support/ServiceKitTestServices", swiftSettings: swift6),
        .executableTarget(
            name: "ServiceKitTestService", dependencies: ["ServiceKit", "Contract", "ServiceKitTestServices"],
            path: "Tests/Support/ServiceKitTestService", swiftSettings: swift6),

        // Test helpers shared by the test targets: running servers, temporary files, child processes.
        .target(name: "TestSupport", dependencies: ["H2", "RPC"], path: "Tests/TestSupport", swiftSettings: swift6),
        .executableTarget(
            name: "StorageCrashWriter", dependencies: ["Storage"], path: "Tests/Support/StorageCrashWriter",
            swiftSettings: swift6),

        // intake: referrals, notifications, initial scoping, the hand-over to the Rapid Review.
        .target(
            name: "IntakeService", dependencies: ["ServiceKit", "WebForms", "Contract", "Disclosure", "H2", "RPC", "Storage", "WorkingDays"],
            path: "Services/Intake/Service",
            swiftSettings: swift6),
        .executableTarget(name: "IntakeMain", dependencies: ["IntakeService", "ServiceKit"], path: "Services/Intake/Main", swiftSettings: swift6),
        .testTarget(
            name: "IntakeTests",
            dependencies: [
                "IntakeService", "IntakeMain", "ServiceKit", "WebForms", "Contract", "RPC", "Storage", "WorkingDays", "TestSupport",
                "ServiceTestSupport",
            ],
            path: "Tests/IntakeTests", swiftSettings: swift6),

        // The whole stack as separate processes, started the way deploy/local.sh starts it.
        .testTarget(
            name: "StackTests",
            dependencies: [
                "IntakeMain", "RapidReviewMain", "ReviewManagementMain", "GatewayMain", "ConsoleMain", "Contract", "RPC", "H2", "ServiceKit",
                "ServiceTestSupport",
                "TestSupport",
                "WorkingDays",
            ],
            path: "Tests/StackTests", swiftSettings: swift6),

        // Benchmarks: executables driven by scripts under Tests/Benchmarks, never by pass/fail tests.
        .executableTarget(
            name: "EchoServer", dependencies: ["RPC", "H2", "TestSupport"], path: "Tests/Benchmarks/EchoServer",
            swiftSettings: swift6),
        .executableTarget(
            name: "DisclosureBench", dependencies: ["Disclosure", "Contract", "WorkingDays"], path: "Tests/Support/DisclosureBench",
            swiftSettings: swift6),
        .executableTarget(
            name: "StorageBench", dependencies: ["Storage"], path: "Tests/Benchmarks/StorageBench",
            swiftSettings: swift6),

        // The rapid-review service (issue 6): the Case Review Panel's Rapid Review, from intake's
        // hand-over to the National Panel, handing commissioned reviews to review-management.
        .target(
            name: "RapidReviewService", dependencies: ["ServiceKit", "Contract", "RPC", "Storage", "WorkingDays", "WebForms", "H2"],
            path: "Services/RapidReview/Service", swiftSettings: swift6),
        .executableTarget(
            name: "RapidReviewMain", dependencies: ["RapidReviewService", "ServiceKit"], path: "Services/RapidReview/Main",
            swiftSettings: swift6),
        .testTarget(
            name: "RapidReviewTests",
            dependencies: [
                "RapidReviewService", "RapidReviewMain", "ServiceKit", "Contract", "RPC", "Storage", "TestSupport", "ServiceTestSupport",
                "WorkingDays", "H2", "WebForms",
                // The outcome document rendered, and the free text checked, with a real intake in
                // process (issue 15, items 12 and 13).
                "IntakeService",
            ],
            path: "Tests/RapidReviewTests", swiftSettings: swift6),

        // The review-management service (issue 13): a commissioned review from rapid-review's
        // hand-over, the National Panel's decision on a national review, the terms of reference.
        .target(
            name: "ReviewManagementService",
            dependencies: ["ServiceKit", "Contract", "Disclosure", "RPC", "Storage", "WorkingDays", "WebForms", "H2"],
            path: "Services/ReviewManagement/Service", swiftSettings: swift6),
        .executableTarget(
            name: "ReviewManagementMain", dependencies: ["ReviewManagementService", "ServiceKit"], path: "Services/ReviewManagement/Main",
            swiftSettings: swift6),
        .testTarget(
            name: "ReviewManagementTests",
            dependencies: [
                "ReviewManagementService", "ServiceKit", "Contract", "RPC", "Storage", "TestSupport", "ServiceTestSupport", "WorkingDays",
                // The pages in real chromium against a real process (issue 18).
                "WebForms", "ReviewManagementMain",
            ],
            path: "Tests/ReviewManagementTests", swiftSettings: swift6),

        // The publication service (issue 14): from review-management's PreparePublication
        // hand-over to publication (P1-P5, T9).
        .target(
            name: "PublicationService", dependencies: ["ServiceKit", "Contract", "H2", "RPC", "Storage", "WorkingDays", "WebForms"],
            path: "Services/Publication/Service", swiftSettings: swift6),
        .executableTarget(
            name: "PublicationMain", dependencies: ["PublicationService", "ServiceKit"], path: "Services/Publication/Main", swiftSettings: swift6),
        .testTarget(
            name: "PublicationTests",
            dependencies: [
                "PublicationService", "ServiceKit", "Contract", "H2", "RPC", "Storage", "TestSupport", "ServiceTestSupport", "WorkingDays",
                "WebForms",
                // The anonymisation gate's tests: stand-in stages on a plain server, and the real intake; the yearly figures' stand-in stages.
                "IntakeService", "GatewayStandIns",
            ],
            path: "Tests/PublicationTests", swiftSettings: swift6),

        // C libraries.
        .systemLibrary(
            name: "CNGHTTP2", path: "Shared/CNGHTTP2", pkgConfig: "libnghttp2",
            providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(
            name: "CSQLite", path: "Shared/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
    ]
)
