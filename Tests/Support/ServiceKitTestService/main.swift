// A ServiceKit test service as its own process: `test-sender` or `test-receiver` (argv[1]).
import Contract
import Foundation
import ServiceKit
import ServiceKitTestServices

let role = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""
switch role {
case ServiceIdentity.testSender.name: ServiceRunner.main(TestServices.sender)
case ServiceIdentity.testReceiver.name: ServiceRunner.main(TestServices.receiver)
default:
    FileHandle.standardError.write(Data("usage: servicekit-test-service test-sender|test-receiver\n".utf8))
    exit(2)
}
