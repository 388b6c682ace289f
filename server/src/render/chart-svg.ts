/**
 * The symptom-score chart: one inline SVG per instrument, recorded scores over session number. The
 * y axis is the instrument's range from the catalogue, with its published severity bands shaded
 * (only where the catalogue has bands). Accessible: `<title>`, `<desc>` with every value, and the
 * HTML renderer adds a data table next to it. Colours come from CSS classes (see html-style.ts) with
 * presentation attributes as the fallback, so the SVG also reads well on its own.
 */
import { maxOf, minOf } from '../language/arrays.js';
import { clampSession, MAX_SCORE } from '../language/limits.js';
import { escapeHtml } from './escape.js';
import type { ScoreSeries } from './model.js';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { left: 44, right: 170, top: 24, bottom: 40 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Band fills from calm to alarming, for up to six bands (the catalogue's have at most five). */
const bandFills = ['#2da44e', '#8fbf3f', '#d4a72c', '#e16f24', '#cf222e', '#a40e26'];

export interface ChartOptions {
  /** Unique within the page: used for the ids that tie `<title>`/`<desc>` to the SVG. */
  id: string;
  /** The last session of the course (the x axis runs 1..lastSession). */
  lastSession?: number;
}

/** The y range: the instrument's, or (unknown instrument) 0 up to a round number above the data. */
export function yRange(series: ScoreSeries): { min: number; max: number; known: boolean } {
  const bound = (n: number) => Math.max(-MAX_SCORE, Math.min(MAX_SCORE, n));
  if (series.entry) return { min: bound(series.entry.min), max: bound(series.entry.max), known: true };
  // Scores past MAX_SCORE are not in a parsed plan; the clamp keeps a hand-made view from sizing the axis.
  const top = Math.min(maxOf(series.points.map((p) => p.value), 1), MAX_SCORE);
  const step = top > 50 ? 10 : 5;
  return { min: Math.max(minOf(series.points.map((p) => p.value), 0), -MAX_SCORE), max: Math.ceil(top / step) * step, known: false };
}

/** The band a value falls in, if the instrument has bands. */
export function bandOf(series: ScoreSeries, value: number): string | undefined {
  return series.entry?.bands?.find((b) => value >= b.min && value <= b.max)?.label;
}

/** Plain-language description of the series, used as `<desc>` and as the figure caption. */
export function describeSeries(series: ScoreSeries): string {
  const name = series.instrument.title ? `${series.instrument.title} (${series.instrument.id})` : series.instrument.id;
  const range = yRange(series);
  const values = series.points
    .map((p) => {
      const band = bandOf(series, p.value);
      const outside = range.known && (p.value < range.min || p.value > range.max);
      const note = outside ? ` (outside the ${range.min}–${range.max} scale)` : band ? ` (${band})` : '';
      return `session ${p.sessionLabel}: ${p.value}${note}`;
    })
    .join('; ');
  const change = changeSummary(series);
  const scale = range.known ? `scale ${range.min}–${range.max}` : 'range not in the catalogue';
  return `${name}, ${scale}. Recorded scores: ${values}.${change ? ` ${change}` : ''}`;
}

/** "Change from session 1 to session 16: −14 (−78%)." — empty with fewer than two scores. */
export function changeSummary(series: ScoreSeries): string {
  if (series.points.length < 2) return '';
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const delta = last.value - first.value;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const percent = first.value !== 0 ? ` (${sign}${Math.round((Math.abs(delta) / first.value) * 100)}%)` : '';
  return `Change from session ${first.sessionLabel} to session ${last.sessionLabel}: ${sign}${Math.abs(delta)}${percent}.`;
}

/** A round step (1, 2, 5, 10, 20, 50, …, at least `least`) that gives at most 20 ticks over `span`. */
export function tickStep(span: number, least: number): number {
  const steps = [1, 2, 5];
  for (let scale = 1; ; scale *= 10) {
    for (const step of steps) {
      const candidate = step * scale;
      if (candidate >= least && !(span / candidate > 20)) return candidate;
    }
  }
}

export function scoreChartSvg(series: ScoreSeries, options: ChartOptions): string {
  const range = yRange(series);
  const lastPoint = maxOf(series.points.map((p) => p.session), 1);
  const sessions = Math.max(clampSession(options.lastSession ?? 0), clampSession(lastPoint), 2);
  const x = (session: number) => MARGIN.left + ((session - 1) / (sessions - 1)) * PLOT_W;
  const clamp = (v: number) => Math.min(range.max, Math.max(range.min, v));
  const y = (value: number) => MARGIN.top + PLOT_H - ((clamp(value) - range.min) / (range.max - range.min || 1)) * PLOT_H;
  const r = (n: number) => Math.round(n * 10) / 10;

  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const parts: string[] = [];
  parts.push(
    `<svg class="score-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="${titleId} ${descId}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${titleId}">${escapeHtml(series.instrument.id)} scores by session</title>`,
    `<desc id="${descId}">${escapeHtml(describeSeries(series))}</desc>`,
  );

  // Severity bands, each from half a point below its minimum to half a point above its maximum.
  const bands = series.entry?.bands ?? [];
  bands.forEach((band, i) => {
    const top = y(Math.min(range.max, band.max + 0.5));
    const bottom = y(Math.max(range.min, band.min - 0.5));
    const fill = bandFills[Math.min(i, bandFills.length - 1)];
    parts.push(
      `<rect class="band band-${i}" x="${MARGIN.left}" y="${r(top)}" width="${PLOT_W}" height="${r(bottom - top)}" fill="${fill}" fill-opacity="0.13"/>`,
      `<text class="band-label" x="${MARGIN.left + PLOT_W + 8}" y="${r((top + bottom) / 2 + 4)}" fill="#59636e">${escapeHtml(band.label)} (${band.min}–${band.max})</text>`,
    );
  });

  // Axes, grid and ticks.
  const yStep = range.max - range.min > 40 ? tickStep(range.max - range.min, 10) : 5;
  for (let v = Math.ceil(range.min / yStep) * yStep; v <= range.max; v += yStep) {
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${r(y(v))}" y2="${r(y(v))}" stroke="#d1d9e0" stroke-width="0.5"/>`,
      `<text class="tick" x="${MARGIN.left - 6}" y="${r(y(v) + 4)}" text-anchor="end" fill="#59636e">${v}</text>`,
    );
  }
  const xStep = tickStep(sessions, 1);
  for (let s = 1; s <= sessions; s += xStep) {
    parts.push(`<text class="tick" x="${r(x(s))}" y="${MARGIN.top + PLOT_H + 16}" text-anchor="middle" fill="#59636e">${s}</text>`);
  }
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left + PLOT_W}" y1="${MARGIN.top + PLOT_H}" y2="${MARGIN.top + PLOT_H}" stroke="#818b98"/>`,
    `<line class="axis" x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_H}" stroke="#818b98"/>`,
    `<text class="axis-label" x="${MARGIN.left + PLOT_W / 2}" y="${HEIGHT - 6}" text-anchor="middle" fill="#59636e">Session</text>`,
  );

  // The series: a line through the recorded scores, a dot and its value at each.
  const coords = series.points.map((p) => `${r(x(p.session))},${r(y(p.value))}`);
  if (coords.length > 1) {
    parts.push(`<polyline class="series-line" points="${coords.join(' ')}" fill="none" stroke="#0969da" stroke-width="2"/>`);
  }
  for (const p of series.points) {
    const band = bandOf(series, p.value);
    const outside = p.value < range.min || p.value > range.max;
    parts.push(
      `<circle class="series-point${outside ? ' outside' : ''}" cx="${r(x(p.session))}" cy="${r(y(p.value))}" r="4" fill="#0969da"><title>Session ${escapeHtml(p.sessionLabel)}: ${p.value}${band ? ` (${escapeHtml(band)})` : ''}${outside ? ' — outside the scale' : ''}</title></circle>`,
      `<text class="point-label" x="${r(x(p.session))}" y="${r(y(p.value) - 8)}" text-anchor="middle" fill="#1f2328">${p.value}${outside ? ' (off scale)' : ''}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
