/// The one stylesheet of every service's pages (the gateway's dashboard, the stages' forms),
/// served at `/style.css` so the pages' CSP can allow styles from 'self' and nothing inline.
/// Readable on a laptop at 200% zoom, printable on A4 (`@page`), focus always visible.
package enum StyleSheet {
    /// Where every service serves it.
    package static let path = "/style.css"

    /// The dashboard's rules, then the forms', then printing.
    package static let text = dashboard + forms + print

    /// The dashboard's look: cards, tables, badges, the timeline.
    static let dashboard = """
        :root {
          --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --wash: #f6f8fa;
          --red: #a40e26; --red-wash: #ffebe9; --amber: #7d4e00; --amber-wash: #fff8c5;
          --green: #116329; --green-wash: #dafbe1; --link: #0550ae;
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--ink); background: var(--wash); }
        header.top, main, footer { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
        header.top { padding-top: 16px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; }
        h2 { font-size: 1.1rem; margin: 24px 0 8px; }
        a { color: var(--link); }
        .meta { color: var(--muted); margin: 0 0 12px; }
        .banner { max-width: 1160px; margin: 8px auto; padding: 10px 14px; border: 2px solid var(--red);
          background: var(--red-wash); color: var(--red); border-radius: 6px; font-weight: 600; }
        .notice { padding: 8px 12px; border: 1px solid var(--amber); background: var(--amber-wash); color: var(--amber); border-radius: 6px; }
        .summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px; margin: 12px 0; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
        .card h2 { margin: 0 0 6px; font-size: 0.95rem; color: var(--muted); font-weight: 600; }
        .figure { font-size: 2rem; font-weight: 700; margin: 0; }
        .figure.red { color: var(--red); }
        .card ul { list-style: none; padding: 0; margin: 6px 0 0; }
        .card li { display: flex; justify-content: space-between; border-top: 1px solid var(--wash); padding: 2px 0; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin: 16px 0 8px; }
        .filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: var(--muted); }
        .filters label.inline { flex-direction: row; gap: 6px; align-items: center; }
        .filters input[type=number] { width: 6em; }
        table { width: 100%; border-collapse: collapse; background: var(--paper); border: 1px solid var(--line); }
        caption { text-align: left; padding: 6px 0; color: var(--muted); }
        th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--wash); font-size: 0.85rem; }
        td.number { font-variant-numeric: tabular-nums; }
        tr.urgency-overdue td:first-child { border-left: 6px solid var(--red); }
        tr.urgency-dueSoon td:first-child { border-left: 6px solid var(--amber); }
        tr.urgency-onTrack td:first-child { border-left: 6px solid var(--green); }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 0.85rem; font-weight: 600; border: 1px solid; }
        .state-overdue { color: var(--red); background: var(--red-wash); }
        .state-dueSoon { color: var(--amber); background: var(--amber-wash); }
        .state-open, .state-met, .state-onTrack { color: var(--green); background: var(--green-wash); }
        .state-metLate { color: var(--amber); background: var(--paper); }
        abbr[title] { text-decoration: underline dotted; cursor: help; }
        ol.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
        ol.timeline li { position: relative; margin: 0 0 10px 0; padding: 4px 0 4px 18px; }
        ol.timeline li::before { content: ""; position: absolute; left: -8px; top: 10px; width: 13px; height: 13px;
          border-radius: 50%; background: var(--paper); border: 3px solid var(--muted); }
        ol.timeline li.milestone::before { background: var(--muted); }
        ol.timeline li.today { font-weight: 700; }
        ol.timeline li.today::before { border-color: var(--link); background: var(--link); }
        ol.timeline li.deadline-overdue::before { border-color: var(--red); }
        ol.timeline li.deadline-dueSoon::before { border-color: var(--amber); }
        ol.timeline time { display: inline-block; min-width: 7.5em; font-variant-numeric: tabular-nums; color: var(--muted); }
        footer { color: var(--muted); font-size: 0.85rem; padding-top: 20px; padding-bottom: 24px; }
        """

    /// The forms' look, after the patterns of the GOV.UK and NHS design systems (FORMS.md): a
    /// visible label above each field, the error in red beside it with a thick bar, a yellow
    /// focus ring that nothing hides.
    static let forms = """
        .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important;
          padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important;
          border: 0 !important; white-space: nowrap !important; }
        a:focus, input:focus, textarea:focus, select:focus, button:focus, summary:focus {
          outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px var(--ink); }
        .session { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; color: var(--muted); margin: 0 0 12px; }
        .session form { margin: 0; }
        main.form > * { max-width: 860px; }
        .form-section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 4px 18px 14px; margin: 0 0 18px; }
        .field { margin: 0 0 18px; }
        .field.error { border-left: 5px solid var(--red); padding-left: 12px; }
        label, legend { display: block; font-weight: 600; margin: 0 0 4px; }
        legend { font-size: 1rem; padding: 0; }
        fieldset { border: 0; margin: 0 0 18px; padding: 0; min-width: 0; }
        fieldset.group { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px 4px; background: var(--wash); }
        .hint { color: var(--muted); margin: 0 0 6px; }
        .error-message { display: block; color: var(--red); font-weight: 700; margin: 0 0 6px; }
        input[type=text], input[type=password], textarea, select { font: inherit; width: 100%; max-width: 40em; padding: 6px 8px;
          border: 2px solid var(--ink); border-radius: 0; background: var(--paper); color: var(--ink); }
        .field.error input[type=text], .field.error textarea, .field.error input[type=password] { border-color: var(--red); }
        textarea { min-height: 6em; }
        .date { display: flex; flex-wrap: wrap; gap: 12px; }
        .date label { font-weight: 400; }
        .date input[type=text] { width: 4em; }
        .date .year input[type=text] { width: 6em; }
        .choice { display: flex; gap: 8px; align-items: center; margin: 0 0 6px; }
        .choice label { font-weight: 400; margin: 0; }
        .choice input { width: 1.4em; height: 1.4em; }
        .buttons { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 12px 0; }
        button { font: inherit; font-weight: 600; padding: 8px 14px; border: 2px solid transparent; border-radius: 0; cursor: pointer;
          background: var(--green); color: #fff; box-shadow: 0 2px 0 #002d18; }
        button.secondary { background: #f3f2f1; color: var(--ink); box-shadow: 0 2px 0 #929191; }
        button.warning { background: var(--red); color: #fff; box-shadow: 0 2px 0 #55150b; }
        button.link { background: none; color: var(--link); box-shadow: none; padding: 0; text-decoration: underline; font-weight: 400; }
        .error-summary { border: 5px solid var(--red); background: var(--paper); padding: 12px 18px; margin: 16px 0; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: var(--red); font-weight: 700; }
        .panel-confirmation { background: var(--green); color: #fff; padding: 18px; margin: 16px 0; }
        .panel-confirmation h2, .panel-confirmation p { color: #fff; margin: 4px 0; }
        .panel-confirmation .reference { font-size: 1.8rem; font-weight: 700; }
        dl.answers { display: grid; grid-template-columns: minmax(10em, 1fr) 2fr auto; background: var(--paper); border: 1px solid var(--line);
          margin: 0 0 18px; }
        dl.answers dt, dl.answers dd { margin: 0; padding: 7px 10px; overflow-wrap: anywhere; border-bottom: 1px solid var(--line); }
        dl.answers dt { font-weight: 600; }
        dl.record { display: grid; grid-template-columns: minmax(10em, 1fr) 2fr; background: var(--paper); border: 1px solid var(--line);
          margin: 0 0 18px; }
        dl.record dt, dl.record dd { margin: 0; padding: 7px 10px; overflow-wrap: anywhere; border-bottom: 1px solid var(--line); }
        dl.record dt { font-weight: 600; }
        @media (max-width: 640px) {
          dl.answers, dl.record { grid-template-columns: 1fr; }
          dl.answers dt, dl.answers dd:not(:last-of-type), dl.record dt { border-bottom: 0; }
        }

        """

    /// Printing: A4 with 2 cm margins, navigation and buttons hidden, each document section
    /// on a new page, links as text (FORMS.md, Documents and printing).
    static let print = """
        @page { size: A4; margin: 2cm; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          .filters, nav, footer .screen-only, .session, .buttons, form button { display: none; }
          main, main.form, header.top, footer { max-width: none; padding: 0; }
          .document section + section { break-before: page; }
          h1, h2, h3 { break-after: avoid; }
          .form-section, fieldset.group { border-color: #888; background: #fff; }
          a { color: inherit; text-decoration: none; }
          table, .card { border-color: #888; }
          tr, li, .card { break-inside: avoid; }
          .badge, .banner, tr td:first-child { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          abbr[title] { text-decoration: none; }
        }

        """
}
