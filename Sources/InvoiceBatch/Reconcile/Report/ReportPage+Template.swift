extension ReportPage {
    /// The page as a Mustache template: `{{…}}` is HTML-escaped (quotes too); `{{{…}}}` only takes the charts' SVG,
    /// which their own templates rendered from escaped values.
    static let template = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}}</title>
        <style>{{{css}}}</style>
        </head>
        <body>
        <header>
        <h1>{{title}}</h1>
        <div class="meta">Input <span class="mono">{{input}}</span> · reconciled {{createdAt}} · exit code {{exitCode}}</div>
        </header>
        <div class="verdict {{verdictClass}}" id="verdict">{{verdict}}</div>

        <div class="tiles" id="totals">
        {{#tiles}}<div class="tile" id="{{id}}" style="--c: {{color}}"><span class="n">{{value}}</span><span class="l">{{label}}</span><span class="s">{{share}}</span></div>
        {{/tiles}}
        </div>

        <div class="grid">
        <section class="card"><h2>Final outcome of every source row</h2>{{{outcomeChart}}}</section>
        <section class="card"><h2>Outcomes by action</h2>{{{actionChart}}}</section>
        <section class="card"><h2>Top error codes (every run)</h2>
        {{#errorChart}}{{{errorChart}}}{{/errorChart}}{{^errorChart}}<p class="muted">No request failed in any run.</p>{{/errorChart}}
        </section>
        <section class="card"><h2>Latency per row</h2>
        {{#latencyChart}}{{{latencyChart}}}{{/latencyChart}}
        <p class="muted">{{latencyNote}}</p>
        </section>
        </div>

        <section class="card" id="verification"><h2>Verification against the tenant</h2>
        {{#verification}}
        <p>Read back <b>{{invoicesRead}}</b> invoices from <span class="mono">{{target}}</span> (from {{source}}){{#readFailureNote}}; {{readFailureNote}}{{/readFailureNote}}.</p>
        <div class="tiles">
        {{#tiles}}<div class="tile" id="{{id}}" style="--c: {{color}}"><span class="n">{{value}}</span><span class="l">{{label}}</span><span class="s">{{share}}</span></div>
        {{/tiles}}
        </div>
        {{#hasMismatches}}
        <h2>Fields holding something else</h2>
        <table id="mismatches"><thead><tr><th>row</th><th>invoice</th><th>field</th><th>requested</th><th>tenant holds</th></tr></thead><tbody>
        {{#mismatches}}<tr><td class="num">{{row}}</td><td class="mono">{{invoiceKey}}</td><td class="mono">{{field}}</td><td class="expected">{{expected}}</td><td class="actual">{{actual}}</td></tr>
        {{/mismatches}}
        </tbody></table>
        {{/hasMismatches}}
        <h2 style="margin-top:14px">What cannot be verified, and why</h2>
        <table><thead><tr><th>change</th><th>rows</th><th>why</th></tr></thead><tbody>
        {{#reasons}}<tr><td class="mono">{{what}}</td><td class="num">{{rows}}</td><td>{{why}}</td></tr>
        {{/reasons}}
        </tbody></table>
        {{/verification}}
        {{^verification}}<p class="muted">Not verified: run <span class="mono">invoicebatch reconcile … --verify</span> to read every changed invoice back and compare it with what was requested.</p>{{/verification}}
        </section>

        <section class="card" id="attention"><h2>Rows needing attention</h2>
        {{#hasAttention}}
        <table><thead><tr><th>row</th><th>rowId</th><th>action</th><th>invoice</th><th>outcome</th><th>verified</th><th>error</th><th>detail</th></tr></thead><tbody>
        {{#attention}}<tr><td class="num">{{row}}</td><td class="mono">{{rowId}}</td><td>{{action}}</td><td class="mono">{{invoiceKey}}</td><td><span class="badge" style="--c: {{outcomeColor}}">{{outcome}}</span></td><td>{{verified}}</td><td class="mono">{{errorCode}}</td><td>{{detail}}</td></tr>
        {{/attention}}
        </tbody></table>
        {{#attentionNote}}<p class="muted">{{attentionNote}}</p>{{/attentionNote}}
        {{/hasAttention}}
        {{^hasAttention}}<p class="muted">None: every row succeeded{{#verification}} and matched what the tenant holds{{/verification}}.</p>{{/hasAttention}}
        </section>

        {{#hasConflicts}}
        <section class="card" id="conflicts"><h2>Conflicts</h2>
        <table><thead><tr><th>kind</th><th>source row</th><th>where</th><th>what</th></tr></thead><tbody>
        {{#conflicts}}<tr><td>{{kind}}</td><td class="num">{{sourceRow}}</td><td class="mono">{{location}}</td><td>{{message}}</td></tr>
        {{/conflicts}}
        </tbody></table>
        </section>
        {{/hasConflicts}}

        <section class="card" id="runs"><h2>Runs reconciled</h2>
        <table><thead><tr><th>run</th><th>results</th><th>run id</th><th>target</th><th>lines</th></tr></thead><tbody>
        {{#runs}}<tr><td class="num">{{number}}</td><td class="mono">{{file}}</td><td class="mono">{{runId}}</td><td>{{target}}</td><td class="num">{{lines}}</td></tr>
        {{/runs}}
        </tbody></table>
        </section>
        <footer>invoicebatch reconcile · reconciliation.csv has one line per source row; reconciliation.json the same figures for scripts.</footer>
        </body>
        </html>

        """
}
