import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

@Suite("Deployment files and the README's commands", .serialized)
struct DeploymentTests {
    let root = BuiltProducts.packageRoot

    @Test(
        "docker-compose.yml is valid: one service per stage plus the gateway, each with its volume, health check and tokens secret, non-root on a read-only root filesystem, only the gateway published"
    )
    func compose() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-compose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".cspr"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        try "placeholder-token-0123456789 panel case-review-panel\n".write(
            to: project.appendingPathComponent(".cspr/tokens"), atomically: true, encoding: .utf8)
        let file = root.appendingPathComponent("docker-compose.yml").path
        let checked = try await runCommand("docker-compose", ["-f", file, "--project-directory", project.path, "config", "-q"])
        #expect(checked.status == 0, "docker-compose config: \(checked.output)")
        let rendered = try await runCommand("docker-compose", ["-f", file, "--project-directory", project.path, "config"])
        #expect(rendered.status == 0)
        // Read the rendered file with Python's YAML parser (PyYAML ships with the machine's Python).
        let summary = try await runCommand(
            "python3",
            [
                "-c",
                """
                import sys, yaml, json
                c = yaml.safe_load(sys.stdin.read())
                out = {name: {"ports": bool(s.get("ports")), "health": "healthcheck" in s, "volumes": len(s.get("volumes", [])), "secrets": [x if isinstance(x, str) else x.get("source") for x in s.get("secrets", [])],
                              "readOnly": s.get("read_only") is True, "user": str(s.get("user", "0"))}
                       for name, s in c["services"].items() if not s.get("profiles")}
                print(json.dumps(out, sort_keys=True))
                """,
            ], stdin: rendered.output)
        let services = try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: [String: Any]] ?? [:]
        // The TLS proxy is in its own profile, off by default.
        #expect(Set(services.keys) == ["intake", "rapid-review", "review-management", "publication", "gateway"], "\(summary.output)")
        for (name, service) in services {
            #expect(service["health"] as? Bool == true, "\(name) has no health check")
            #expect(service["volumes"] as? Int == 1, "\(name) has no volume of its own")
            #expect(service["ports"] as? Bool == (name == "gateway"), "\(name) publishes ports")
            #expect(service["readOnly"] as? Bool == true, "\(name)'s root filesystem is writable")
            #expect(service["user"] as? String == "10001", "\(name) does not run as the image's user")
            #expect(service["secrets"] as? [String] == ["tokens"], "\(name) has no tokens secret")
        }
        let tls = try await runCommand(
            "docker-compose", ["-f", file, "--project-directory", project.path, "--profile", "tls", "config", "--services"])
        #expect(tls.output.contains("tls-proxy"))
    }

    @Test("issue 18: with deploy/compose-pages.yml each stage's pages are published on 127.0.0.1 where the dashboard links, and link back")
    func composePages() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-compose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".cspr"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        try "placeholder-token-0123456789 panel case-review-panel\n".write(
            to: project.appendingPathComponent(".cspr/tokens"), atomically: true, encoding: .utf8)
        let files = [
            "-f", root.appendingPathComponent("docker-compose.yml").path, "-f", root.appendingPathComponent("deploy/compose-pages.yml").path,
        ]
        let rendered = try await runCommand("docker-compose", files + ["--project-directory", project.path, "config"])
        #expect(rendered.status == 0, "docker-compose config: \(rendered.output)")
        let summary = try await runCommand(
            "python3",
            [
                "-c",
                """
                import sys, yaml, json
                c = yaml.safe_load(sys.stdin.read())
                out = {name: {"ports": [str(p) for p in s.get("ports", [])], "networks": sorted(s.get("networks", {})), "environment": s.get("environment", {})}
                       for name, s in c["services"].items() if not s.get("profiles")}
                print(json.dumps(out, sort_keys=True))
                """,
            ], stdin: rendered.output)
        let services = try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: [String: Any]] ?? [:]
        let gateway = services["gateway"]?["environment"] as? [String: String] ?? [:]
        for (stage, port) in [("intake", 7101), ("rapid-review", 7102), ("review-management", 7103), ("publication", 7104)] {
            let service = services[stage] ?? [:]
            #expect(service["ports"] as? [String] == ["127.0.0.1:\(port):\(port)/tcp"], "\(stage): \(service["ports"] ?? "")")
            #expect(service["networks"] as? [String] == ["edge", "stages"], "\(stage) is not reachable from the host")
            let variable = "CSPR_" + stage.uppercased().replacingOccurrences(of: "-", with: "_") + "_PAGES_URL"
            #expect(gateway[variable] == "http://127.0.0.1:\(port)", "the dashboard links to \(stage) at \(gateway[variable] ?? "nothing")")
            #expect((service["environment"] as? [String: String])?["CSPR_DASHBOARD_URL"] == "http://localhost:7100", "\(stage) links back")
        }
    }

    @Test(
        "the Kubernetes manifests parse, and each Deployment has one replica, a volume claim, gRPC probes, a read-only root filesystem and a /tmp in memory"
    )
    func kubernetes() async throws {
        let summary = try await runCommand(
            "python3",
            [
                "-c",
                """
                import glob, yaml, json, sys
                docs = [d for f in sorted(glob.glob(sys.argv[1] + "/*.yaml")) for d in yaml.safe_load_all(open(f)) if d]
                deployments = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Deployment"}
                claims = {d["metadata"]["name"] for d in docs if d["kind"] == "PersistentVolumeClaim"}
                out = {}
                for name, d in deployments.items():
                    c = d["spec"]["template"]["spec"]["containers"][0]
                    volumes = d["spec"]["template"]["spec"]["volumes"]
                    claim = next((v["persistentVolumeClaim"]["claimName"] for v in volumes if "persistentVolumeClaim" in v), None)
                    context = c.get("securityContext", {})
                    tmp = {v["name"] for v in volumes if "emptyDir" in v} & {m["name"] for m in c.get("volumeMounts", []) if m["mountPath"] == "/tmp"}
                    out[name] = {"replicas": d["spec"]["replicas"], "grpcProbe": "grpc" in c.get("readinessProbe", {}), "claim": claim in claims,
                                 "readOnlyRoot": context.get("readOnlyRootFilesystem") is True and context.get("allowPrivilegeEscalation") is False,
                                 "tmp": bool(tmp)}
                print(json.dumps(out, sort_keys=True))
                """,
                root.appendingPathComponent("deploy/k8s").path,
            ])
        let deployments = try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: [String: Any]] ?? [:]
        #expect(Set(deployments.keys) == ["intake", "rapid-review", "review-management", "publication", "gateway"], "\(summary.output)")
        for (name, deployment) in deployments {
            #expect(deployment["replicas"] as? Int == 1, "\(name): one writer per database")
            #expect(deployment["grpcProbe"] as? Bool == true, "\(name) has no gRPC probe")
            #expect(deployment["claim"] as? Bool == true, "\(name) has no volume claim")
            #expect(deployment["readOnlyRoot"] as? Bool == true, "\(name)'s root filesystem is writable, or it may gain privileges")
            #expect(deployment["tmp"] as? Bool == true, "\(name) has no writable /tmp for SQLite's temporary files")
        }
    }

    @Test("the Dockerfile installs what the build needs, as the test command does, and builds every service")
    func dockerfile() throws {
        let dockerfile = try String(contentsOf: root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        let testScript = try String(contentsOf: root.appendingPathComponent("deploy/test.sh"), encoding: .utf8)
        for package in ["pkg-config", "libnghttp2-dev", "libsqlite3-dev"] {
            #expect(dockerfile.contains(package) && testScript.contains(package), "\(package) differs between the Dockerfile and deploy/test.sh")
        }
        for product in ["intake", "rapid-review", "review-management", "publication", "gateway"] { #expect(dockerfile.contains(product)) }
        #expect(dockerfile.contains("swift build -c release"))
        #expect(dockerfile.contains("USER cspr"))
    }

    @Test("from a fresh clone, deploy/local.sh up --demo brings up a stack whose gateway shows the demo cases, and down stops it")
    func readmeRunCommand() async throws {
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-clone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        let cloned = try await runCommand("git", ["clone", "-q", root.path, clone.path])
        #expect(cloned.status == 0, "\(cloned.output)")
        let base = TestPorts.free(count: 5)
        let environment = ["CSPR_PORT_BASE": String(base), "CSPR_HOME": clone.appendingPathComponent(".cspr").path]
        let started = ContinuousClock.now
        let up = try await runCommand(
            "/bin/bash", [clone.appendingPathComponent("deploy/local.sh").path, "up", "--demo"], environment: environment, timeout: .seconds(900))
        let took = ContinuousClock.now - started
        print("deploy/local.sh up --demo from a fresh clone (release build included): \(took)")
        #expect(up.status == 0, "\(up.output.suffix(2000))")
        #expect(
            up.output.contains("intake ready") && up.output.contains("rapid-review ready") && up.output.contains("review-management ready")
                && up.output.contains("publication ready")
                && up.output.contains("gateway ready"))
        #expect(up.output.contains("dashboard:   http://127.0.0.1:\(base)/"))

        // A second `up` of a running stack, after the build, is quick: the time to ready.
        let tokens = try String(contentsOf: clone.appendingPathComponent(".cspr/tokens"), encoding: .utf8)
        var panel = ""
        for line in tokens.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 3 && fields[1] == "case-review-panel" { panel = String(fields[0]) }
        }
        let gateway = RPCClient(host: "127.0.0.1", port: base)
        var metadata = Metadata()
        metadata.add("authorization", "Bearer \(panel)")
        // The gateway asks the stages for changes every second: the demo's last cases show within a few.
        var cases: [GatewayAPI.CaseOverview] = []
        _ = try await eventually(within: .seconds(15)) {
            cases = try await gateway.call(GatewayAPI.listCases, .init(), deadline: .seconds(10), metadata: metadata).cases
            return cases.count == 6 && Set(cases.map(\.stage)).count >= 3
                && cases.contains { $0.milestones.contains { $0.event == "termsOfReferenceAgreed" } }
                && cases.contains { $0.stage == .publication && $0.deadlines.contains { $0.deadline.rule == .t9 } }
        }
        #expect(cases.count == 6, "the demo cases: \(cases.map(\.reference))")
        #expect(Set(cases.map(\.stage)).count >= 3, "the demo cases are at different stages")
        // The case part-way through its review: at stage review, reported by review-management, T7 open.
        let inReview = cases.filter { $0.reportedBy.contains("review-management") && $0.stage != .publication }
        #expect(inReview.count == 1 && inReview.allSatisfy { $0.stage == .review }, "\(inReview)")
        #expect(inReview.first?.deadlines.contains { $0.deadline.rule == .t7 && $0.deadline.status == .open } == true, "\(inReview)")
        #expect(inReview.first?.milestones.contains { $0.event == "termsOfReferenceAgreed" } == true, "\(inReview)")
        #expect(up.output.contains("in review: terms of reference drafted and agreed"), "\(up.output.suffix(2000))")
        // The case the board approved: at stage publication, reported by publication, T7 met, the
        // advance copies sent in time for the date it is scheduled for (T9 met), nothing overdue.
        let atPublication = cases.filter { $0.stage == .publication }
        #expect(atPublication.count == 1 && atPublication.allSatisfy { $0.reportedBy.contains("publication") }, "\(atPublication)")
        #expect(atPublication.first?.deadlines.contains { $0.deadline.rule == .t7 && $0.deadline.status == .met } == true, "\(atPublication)")
        #expect(atPublication.first?.deadlines.contains { $0.deadline.rule == .t9 && $0.deadline.status == .met } == true, "\(atPublication)")
        #expect(atPublication.first?.milestones.contains { $0.event == "anonymisationSignedOff" } == true, "\(atPublication)")
        #expect(
            up.output.contains("at publication: advance copies sent, checked clean and signed off, scheduled for"), "\(up.output.suffix(2000))")

        let status = try await runCommand("/bin/bash", [clone.appendingPathComponent("deploy/local.sh").path, "status"], environment: environment)
        #expect(status.output.contains("gateway: running"))
        let down = try await runCommand("/bin/bash", [clone.appendingPathComponent("deploy/local.sh").path, "down"], environment: environment)
        #expect(down.status == 0)
        #expect(down.output.contains("intake: stopped") && down.output.contains("review-management: stopped"))
    }

    @Test("from a fresh clone, the test command installs, checks formatting, builds without warnings and runs tests")
    func readmeTestCommand() async throws {
        let clone = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-clone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clone) }
        _ = try await runCommand("git", ["clone", "-q", root.path, clone.path])
        // The contract's tests stand for the rest: the full suite would run this test again.
        let run = try await runCommand(
            "/bin/bash", [clone.appendingPathComponent("deploy/test.sh").path, "--filter", "ContractTests"], timeout: .seconds(900))
        #expect(run.status == 0, "\(run.output.suffix(2000))")
        #expect(run.output.contains("Test run with") && run.output.contains("passed"))
    }

    /// A home for deploy/local.sh with a tokens file already made (as on every start after the first).
    static func home() throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-local-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("run"), withIntermediateDirectories: true)
        try "abcdefghijklmnop0001 panel case-review-panel\n".write(to: home.appendingPathComponent("tokens"), atomically: true, encoding: .utf8)
        return home
    }

    @Test("item 12: down signals only our binaries: a pid file naming another program's process leaves that process alone")
    func downSignalsOnlyOurBinaries() async throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        let sleeper = try SpawnedProcess("/bin/sleep", arguments: ["60"], standardOutput: 2, standardError: 2)
        defer {
            sleeper.send(SIGKILL)
            _ = sleeper.waitUntilExit()
        }
        let pidFile = home.appendingPathComponent("run/intake.pid")
        try "\(sleeper.pid)\n".write(to: pidFile, atomically: true, encoding: .utf8)
        let down = try await runCommand(
            "/bin/bash", [root.appendingPathComponent("deploy/local.sh").path, "down"], environment: ["CSPR_HOME": home.path])
        #expect(down.status == 0, "\(down.output)")
        try await Task.sleep(for: .milliseconds(200))
        #expect(sleeper.isRunning, "deploy/local.sh down signalled a process that is not one of its binaries")
        #expect(!down.output.contains("stopping"))
        #expect(!FileManager.default.fileExists(atPath: pidFile.path), "the stale pid file was kept")
    }

    @Test("item 12: every start sets umask 077: with the tokens file already made, the logs, pid files and data made are the user's only")
    func umaskOnEveryStart() async throws {
        let home = try Self.home()
        defer { try? FileManager.default.removeItem(at: home) }
        // A stand-in build: `cspr services` names one service, whose binary describes itself and exits.
        let build = home.appendingPathComponent("build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        let scripts = [
            "cspr": "#!/bin/sh\necho 'standin service'\n",
            "standin": "#!/bin/sh\n[ \"$1\" = --describe ] && printf 'name=standin\\nport=7199\\nvariable=CSPR_STANDIN_URL\\n'\nexit 0\n",
        ]
        for (name, text) in scripts {
            let file = build.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        // CSPR_BUILD_CONFIGURATION is a folder under .build: climb out of it to the stand-in build.
        let configuration = String(repeating: "../", count: 32) + build.path.dropFirst()
        let script = root.appendingPathComponent("deploy/local.sh").path
        let up = try await runCommand(
            "/bin/bash", ["-c", "umask 022; exec \"$0\" up", script],
            environment: ["CSPR_HOME": home.path, "CSPR_SKIP_BUILD": "1", "CSPR_BUILD_CONFIGURATION": configuration, "CSPR_PORT_BASE": "7100"])
        #expect(up.output.contains("standin exited"), "\(up.output)")
        for (path, mode) in [("logs/standin.log", 0o600), ("run/standin.pid", 0o600), ("logs", 0o700), ("data/standin", 0o700)] {
            let attributes = try FileManager.default.attributesOfItem(atPath: home.appendingPathComponent(path).path)
            #expect((attributes[.posixPermissions] as? Int) == mode, "\(path)")
        }
    }
}
