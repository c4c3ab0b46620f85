// review-management: commissioned reviews, from the Rapid Review's hand-over on (framework §5
// on, Appendix 6). Configuration from the environment (README.md); stops on SIGTERM.
import ReviewManagementService
import ServiceKit

ServiceRunner.main(ReviewManagementService.definition)
