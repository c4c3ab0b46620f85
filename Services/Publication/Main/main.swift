// publication: publication of board-approved reports, from review-management's hand-over on
// (framework §10-11). Configuration from the environment (README.md); stops on SIGTERM.
import PublicationService
import ServiceKit

ServiceRunner.main(PublicationService.definition)
