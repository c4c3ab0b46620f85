// rapid-review: the Case Review Panel's Rapid Review service (framework §4.2, §4.6-4.7,
// Appendix 5). Configuration from the environment (README.md); stops on SIGTERM.
import RapidReviewService
import ServiceKit

ServiceRunner.main(RapidReviewService.definition)
