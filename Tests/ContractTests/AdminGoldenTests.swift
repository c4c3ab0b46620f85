import Contract
import Foundation
import RPC
import Testing

/// The admin calls every service answers (`cspr.admin.v1.Admin`) keep their wire names
/// (golden/admin-*.json), like the rest of the contract (`GoldenTests`).
@Suite("Golden JSON of the admin calls")
struct AdminGoldenTests {

    @Test("the calls are cspr.admin.v1.Admin's, for the administrator (the audit trail also for the auditor)")
    func descriptors() {
        #expect(AdminAPI.backup.path == "/cspr.admin.v1.Admin/Backup")
        #expect(AdminAPI.integrityCheck.path == "/cspr.admin.v1.Admin/IntegrityCheck")
        #expect(AdminAPI.listDeadLetters.path == "/cspr.admin.v1.Admin/ListDeadLetters")
        #expect(AdminAPI.retryDeadLetter.path == "/cspr.admin.v1.Admin/RetryDeadLetter")
        #expect(AdminAPI.getAuditTrail.path == "/cspr.admin.v1.Admin/GetAuditTrail")
        for method in [AdminAPI.backup.info, AdminAPI.integrityCheck.info, AdminAPI.listDeadLetters.info, AdminAPI.retryDeadLetter.info] {
            #expect(method.roles == ["admin"])
        }
        #expect(AdminAPI.getAuditTrail.info.roles == ["admin", "auditor"])
    }
}
