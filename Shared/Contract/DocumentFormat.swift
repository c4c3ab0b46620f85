/// The form a rendered document is in (a scoping letter, the Appendix 5 outcome): plain text,
/// or Markdown for a word processor or the browser.
package enum DocumentFormat: String, WireEnum {
    case text
    case markdown
}
