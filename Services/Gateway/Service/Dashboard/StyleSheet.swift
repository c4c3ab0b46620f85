/// The dashboard's one stylesheet, served at `/style.css` so the pages' CSP can allow styles
/// from 'self' and nothing inline. Readable on a laptop, printable on A4.
enum StyleSheet {
    static let path = "/style.css"

    static let text = """
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
        @media print {
          body { background: #fff; font-size: 10pt; }
          .filters, nav, footer .screen-only { display: none; }
          a { color: inherit; text-decoration: none; }
          table, .card { border-color: #888; }
          tr, li, .card { break-inside: avoid; }
          .badge, .banner, tr td:first-child { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          abbr[title] { text-decoration: none; }
        }

        """
}
