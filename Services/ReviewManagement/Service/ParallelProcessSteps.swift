import Contract
import WorkingDays

/// A parallel process registered or updated: the process as it now stands and the update to add.
struct ParallelProcessStep: Sendable, Equatable {
    /// The process with the update applied.
    var process: ReviewManagementAPI.ParallelProcess
    /// The update recorded.
    var update: ReviewManagementAPI.ParallelProcessUpdate
    /// True when this step registered the process.
    var registers: Bool
}

extension Review {
    /// Registers a parallel process (§5.6.1: kind and description required), or records its
    /// status and a liaison note with the SIO, the CPS or the family liaison officer (§6.2.3).
    func recordingParallelProcess(_ request: ReviewManagementAPI.RecordParallelProcessRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ParallelProcessStep
    {
        if let note = request.liaison {
            if note.note.isBlank { throw .invalidField(path: "liaison.note", rule: nil, problem: "say what the liaison agreed or learned") }
            guard note.heldOn <= clock.today else {
                throw .invalidField(path: "liaison.heldOn", rule: nil, problem: "\(note.heldOn) is after today (\(clock.today))")
            }
        }
        let update = ReviewManagementAPI.ParallelProcessUpdate(
            status: request.status, liaison: request.liaison, recordedOn: clock.today, recordedBy: principal)
        guard let number = request.process else {
            guard let kind = request.kind else {
                throw .invalidField(path: "kind", rule: nil, problem: "give the kind of parallel process to register")
            }
            guard let description = request.description, !description.isBlank else {
                throw .invalidField(path: "description", rule: nil, problem: "say what the process is and who runs it")
            }
            let process = ReviewManagementAPI.ParallelProcess(
                number: parallelProcesses.count + 1, kind: kind, description: description, status: request.status, updates: [update])
            return ParallelProcessStep(process: process, update: update, registers: true)
        }
        guard var process = parallelProcesses.first(where: { $0.number == number }) else {
            throw .invalidField(path: "process", rule: nil, problem: "no parallel process \(number) is registered")
        }
        if request.kind.map({ $0 != process.kind }) == true {
            throw .invalidField(path: "kind", rule: nil, problem: "process \(number) keeps the kind it was registered with")
        }
        if request.description != nil {
            throw .invalidField(path: "description", rule: nil, problem: "process \(number) keeps the description it was registered with")
        }
        process.status = request.status
        process.updates.append(update)
        return ParallelProcessStep(process: process, update: update, registers: false)
    }
}
