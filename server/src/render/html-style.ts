/**
 * The stylesheet of the HTML rendering. Colours use VS Code's theme variables with fallbacks, so
 * the same page looks right standalone (light), in a light or dark VS Code preview, and on paper.
 */
export const planStyles: string = `
.ipt-plan {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --surface: var(--vscode-textBlockQuote-background, #f6f8fa);
  --accent: var(--vscode-textLink-foreground, #0969da);
  --chip: var(--vscode-badge-background, #e7ecf0);
  --chip-fg: var(--vscode-badge-foreground, #1f2328);
  --error: var(--vscode-editorError-foreground, #cf222e);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  --initial: var(--vscode-charts-blue, #0969da);
  --middle: var(--vscode-charts-purple, #8250df);
  --termination: var(--vscode-charts-green, #1a7f37);
  --ok: var(--vscode-charts-green, #1a7f37);
  --caution: var(--vscode-charts-yellow, #9a6700);
  color: var(--fg);
  background: var(--bg);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif);
  font-size: 14px;
  line-height: 1.5;
  max-width: 900px;
  margin: 0 auto;
  padding: 28px 32px 40px;
}
.ipt-plan * { box-sizing: border-box; }
.ipt-plan h1 { font-size: 1.7em; font-weight: 600; margin: 0 0 2px; line-height: 1.25; }
.ipt-plan h2 { font-size: 1.15em; font-weight: 600; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--border); }
.ipt-plan h3 { font-size: 1em; font-weight: 600; margin: 0; }
.ipt-plan .kicker { color: var(--muted); font-size: 0.8em; letter-spacing: 0.06em; text-transform: uppercase; margin: 0 0 4px; }
.ipt-plan .muted { color: var(--muted); }
.ipt-plan .missing { color: var(--muted); font-style: italic; }
.ipt-plan code, .ipt-plan .code { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); font-size: 0.9em; }
.ipt-plan code { background: var(--chip); color: var(--chip-fg); padding: 0 4px; border-radius: 4px; }

.ipt-plan .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 16px 0 0; }
.ipt-plan .facts dt { color: var(--muted); }
.ipt-plan .facts dd { margin: 0; }
.ipt-plan .facts .note { display: block; color: var(--muted); font-size: 0.88em; max-width: 62ch; }

.ipt-plan .chips { display: inline; margin: 0; padding: 0; list-style: none; }
.ipt-plan .chips li { display: inline-block; margin: 0 4px 3px 0; padding: 0 8px; border-radius: 10px; background: var(--chip); color: var(--chip-fg); font-size: 0.88em; }
.ipt-plan .chips li.unknown { background: transparent; border: 1px dashed var(--muted); }

.ipt-plan .badge { display: inline-block; padding: 1px 10px; border-radius: 10px; font-size: 0.85em; font-weight: 600; border: 1px solid currentColor; }
/* Risk badges: the level's colour on the border and a dot, the words in the text colour (the chart
   colours themes give are not meant for text and can fall below 4.5:1 contrast). */
.ipt-plan .badge[class*="risk-"] { --risk: var(--muted); border-color: var(--risk); }
.ipt-plan .badge[class*="risk-"]::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em; margin-right: 0.4em; border-radius: 50%; background: var(--risk); }
.ipt-plan .risk-low { --risk: var(--ok); }
.ipt-plan .risk-moderate { --risk: var(--caution); }
.ipt-plan .risk-high { --risk: var(--error); border-width: 2px; }
.ipt-plan .risk-unknown { border-style: dashed; }

.ipt-plan .panel { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; margin: 0 0 10px; }
.ipt-plan .panel p { margin: 4px 0; }
.ipt-plan .goals { margin: 8px 0 0; padding: 0; list-style: none; }
.ipt-plan .goals li { margin: 6px 0; display: grid; grid-template-columns: 3em 1fr; }
.ipt-plan .goals .goal-id { font-weight: 600; color: var(--accent); }
.ipt-plan .goals .targeted { display: block; color: var(--muted); font-size: 0.88em; }

.ipt-plan table { border-collapse: collapse; width: 100%; margin: 4px 0 10px; font-size: 0.95em; }
.ipt-plan th, .ipt-plan td { text-align: left; vertical-align: top; padding: 5px 10px 5px 0; border-bottom: 1px solid var(--border); }
.ipt-plan th { color: var(--muted); font-weight: 600; font-size: 0.9em; }

.ipt-plan .phase { margin: 14px 0 18px; border-left: 4px solid var(--phase, var(--accent)); padding-left: 14px; }
.ipt-plan .phase-initial { --phase: var(--initial); }
.ipt-plan .phase-middle { --phase: var(--middle); }
.ipt-plan .phase-termination { --phase: var(--termination); }
.ipt-plan .phase-header { display: flex; align-items: baseline; gap: 10px; margin-bottom: 6px; }
.ipt-plan .phase-header h3 { color: var(--fg); font-size: 1.05em; }
.ipt-plan .phase-header h3::before { content: ""; display: inline-block; width: 0.7em; height: 0.7em; margin-right: 0.45em; border-radius: 2px; background: var(--phase, var(--accent)); vertical-align: -0.02em; }
.ipt-plan .sessions { list-style: none; margin: 0; padding: 0; }
.ipt-plan .session { display: grid; grid-template-columns: 3.6em 1fr; gap: 0 10px; padding: 8px 0; border-top: 1px solid var(--border); }
.ipt-plan .session:first-child { border-top: none; }
.ipt-plan .session-number { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ipt-plan .session-title { font-weight: 600; }
.ipt-plan .session-meta { color: var(--muted); font-size: 0.88em; margin-left: 8px; }
.ipt-plan .status { display: inline-block; padding: 0 7px; border-radius: 8px; font-size: 0.82em; border: 1px solid var(--border); margin-left: 6px; }
/* Status chips, severities and the missed sessions of the timeline: the state's colour on a border or
   a dot, the words in the text colour (editor themes' status colours are meant for squiggles and
   charts, not text: VS Code's light theme puts them below 4.5:1 on its background). */
.ipt-plan .status-held { border-color: var(--ok); }
.ipt-plan .status-missed, .ipt-plan .status-cancelled { border-color: var(--warning); border-style: dashed; }
.ipt-plan .details { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 0; font-size: 0.95em; }
.ipt-plan .details dt { color: var(--muted); }
.ipt-plan .details dd { margin: 0; }

.ipt-plan .course { margin: 6px 0 18px; }
.ipt-plan .course-cells { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.ipt-plan .course-cell { --phase-colour: var(--muted); position: relative; display: flex; flex-direction: column; align-items: center; justify-content: flex-start; width: 46px; min-height: 52px; padding: 3px 2px 2px; border-radius: 5px; border: 1px solid var(--phase-colour); border-top-width: 5px; background: var(--bg); font-size: 0.8em; line-height: 1.25; }
.ipt-plan .course-cell.phase-initial { --phase-colour: var(--initial); }
.ipt-plan .course-cell.phase-middle { --phase-colour: var(--middle); }
.ipt-plan .course-cell.phase-termination { --phase-colour: var(--termination); }
.ipt-plan .course-cell.unplanned { border-style: dashed; }
.ipt-plan .course-cell.course-written { background: var(--surface); }
.ipt-plan .course-number { font-weight: 600; font-variant-numeric: tabular-nums; }
.ipt-plan .course-date { color: var(--muted); font-variant-numeric: tabular-nums; }
.ipt-plan .course-date.planned { font-style: italic; }
.ipt-plan .course-marks { min-height: 1.1em; display: flex; gap: 3px; }
.ipt-plan .course-mark { font-size: 0.85em; }
.ipt-plan .course-measure { color: var(--accent); }
.ipt-plan .course-score { color: var(--fg); }
.ipt-plan .course-missed, .ipt-plan .course-cancelled { background: repeating-linear-gradient(135deg, transparent 0 5px, var(--border) 5px 7px); }
.ipt-plan .course-missed .course-number, .ipt-plan .course-cancelled .course-number { text-decoration: line-through; text-decoration-color: var(--warning); text-decoration-thickness: 2px; }
.ipt-plan .course-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 8px 0 0; color: var(--muted); font-size: 0.85em; }
.ipt-plan .course-legend > span { display: inline-flex; align-items: center; gap: 5px; }
.ipt-plan .legend-swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; border: 1px solid var(--border); }
.ipt-plan .legend-swatch.phase-initial { background: var(--initial); }
.ipt-plan .legend-swatch.phase-middle { background: var(--middle); }
.ipt-plan .legend-swatch.phase-termination { background: var(--termination); }
.ipt-plan .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.ipt-plan figure { margin: 6px 0 18px; }
.ipt-plan figcaption { color: var(--muted); font-size: 0.88em; margin: 4px 0 6px; max-width: 70ch; }
.ipt-plan .score-chart { max-width: 100%; height: auto; display: block; }
.ipt-plan .score-chart .tick, .ipt-plan .score-chart .axis-label, .ipt-plan .score-chart .band-label { fill: var(--muted); }
.ipt-plan .score-chart .point-label { fill: var(--fg); font-weight: 600; }
.ipt-plan .score-chart .grid { stroke: var(--border); }
.ipt-plan .score-chart .series-line { stroke: var(--accent); }
.ipt-plan .score-chart .series-point { fill: var(--accent); stroke: var(--bg); stroke-width: 1.5; }
.ipt-plan .score-chart .series-point.outside { fill: var(--error); }
.ipt-plan .score-table { width: auto; min-width: 50%; }
.ipt-plan caption { text-align: left; color: var(--muted); font-size: 0.85em; padding: 2px 0; }

.ipt-plan .diagnostics { list-style: none; margin: 0; padding: 0; }
.ipt-plan .diagnostics li { display: grid; grid-template-columns: 5.5em 4.5em 1fr; gap: 0 8px; padding: 6px 0; border-bottom: 1px solid var(--border); }
.ipt-plan .severity { font-weight: 600; font-size: 0.88em; }
.ipt-plan .severity::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em; margin-right: 0.35em; border-radius: 50%; background: var(--severity, var(--muted)); }
.ipt-plan .severity-error { --severity: var(--error); }
.ipt-plan .severity-warning { --severity: var(--warning); }
.ipt-plan .severity-info { --severity: var(--info); }
.ipt-plan .rule-id { color: var(--muted); font-size: 0.85em; }
.ipt-plan .summary-counts { margin: 0 0 8px; }
.ipt-plan footer { margin-top: 36px; color: var(--muted); font-size: 0.8em; border-top: 1px solid var(--border); padding-top: 8px; }

@media print {
  @page { margin: 16mm 14mm; }
  .ipt-plan { --bg: #ffffff; --fg: #000000; --surface: transparent; --chip: transparent; --chip-fg: #000000; max-width: none; padding: 0; font-size: 11pt; }
  .ipt-plan .chips li { border: 1px solid #8c959f; }
  .ipt-plan .course-cells { break-inside: avoid; }
  .ipt-plan .panel { border-color: #8c959f; }
  .ipt-plan h2 { break-after: avoid; }
  .ipt-plan .phase-header { break-after: avoid; }
  .ipt-plan .session, .ipt-plan .panel, .ipt-plan figure, .ipt-plan .diagnostics li, .ipt-plan tr { break-inside: avoid; }
}
`;

/** The stylesheet for a whole page: the plan styles plus a calm page background. */
export const pageStyles = `
html { background: var(--vscode-editor-background, #ffffff); }
body { margin: 0; }
${planStyles}`;
