/// The report's CSS, inline in the page: no font, script or stylesheet is fetched, so the file reads the same from
/// an e-mail attachment, a share without network, or a browser that blocks remote content. System fonts only.
enum ReportStyle {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 28px 36px 48px; background: #f5f7f8; color: #263238;
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", sans-serif; }
        header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
        header .meta { color: #607d8b; font-size: 13px; }
        .verdict { margin: 16px 0 20px; padding: 12px 16px; border-radius: 6px; font-weight: 600; font-size: 16px; }
        .verdict.ok { background: #e8f5e9; color: #1b5e20; border-left: 6px solid #2e7d32; }
        .verdict.bad { background: #ffebee; color: #b71c1c; border-left: 6px solid #c62828; }
        .tiles { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 22px; }
        .tile { background: #fff; border-radius: 6px; padding: 10px 16px; min-width: 118px;
          box-shadow: 0 1px 2px rgba(0,0,0,.08); border-top: 5px solid var(--c); }
        .tile .n { display: block; font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .tile .l { color: #455a64; font-size: 13px; text-transform: uppercase; letter-spacing: .04em; }
        .tile .s { color: #78909c; font-size: 12px; margin-left: 6px; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 18px; align-items: start; }
        section.card { background: #fff; border-radius: 6px; padding: 14px 18px 16px; margin-bottom: 18px;
          box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        h2 { font-size: 17px; margin: 0 0 10px; }
        .chart { width: 100%; height: auto; display: block; }
        .chart text { font-size: 13px; fill: #37474f; }
        .chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
        .chart .note { font-size: 11px; fill: #78909c; }
        .chart .small { font-size: 11px; }
        .chart .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        .chart .baseline { stroke: #b0bec5; stroke-width: 1; }
        .muted { color: #78909c; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        th { text-align: left; color: #546e7a; font-weight: 600; border-bottom: 2px solid #cfd8dc; padding: 6px 8px; }
        td { border-bottom: 1px solid #eceff1; padding: 6px 8px; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.mono, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px;
          font-weight: 600; background: var(--c); }
        .expected { color: #1b5e20; } .actual { color: #b71c1c; font-weight: 600; }
        footer { color: #90a4ae; font-size: 12px; margin-top: 24px; }
        @media print { body { background: #fff; } section.card, .tile { box-shadow: none; border: 1px solid #cfd8dc; } }
        """
}
