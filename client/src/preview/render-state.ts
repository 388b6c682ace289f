/**
 * Which server answer the preview shows. Requests can overlap (typing fast, a slow server), so
 * answers are numbered: one older than what is shown is dropped, never painted over a newer one.
 * While the plan has syntax errors the last render without them stays, under a banner.
 */
import type { Banner } from './messages.js';

export interface RenderAnswer {
  version: number;
  html: string;
  hasSyntaxErrors: boolean;
}

export interface RenderUpdate {
  html: string | null;
  banner: Banner;
}

export class RenderState {
  private nextTicket = 0;
  private shownTicket = -1;
  private shownVersion = -1;
  private lastGood: string | undefined;
  private shown: string | undefined;

  /** A number for the next request; answers are accepted in increasing order of these. */
  ask(): number {
    return this.nextTicket++;
  }

  /** The update to send to the webview for this answer, or undefined when the answer is stale or changes nothing. */
  accept(ticket: number, answer: RenderAnswer): RenderUpdate | undefined {
    if (ticket <= this.shownTicket || answer.version < this.shownVersion) return undefined;
    this.shownTicket = ticket;
    this.shownVersion = answer.version;
    if (!answer.hasSyntaxErrors) {
      this.lastGood = answer.html;
      return this.show(answer.html, 'none');
    }
    if (this.lastGood !== undefined) return this.show(this.lastGood, 'syntax-errors-kept');
    return this.show(answer.html, 'syntax-errors');
  }

  /** The document was closed and opened again: its versions start over. */
  reset(): void {
    this.shownTicket = this.nextTicket - 1;
    this.shownVersion = -1;
  }

  /** What the page shows now (for a freshly built webview, e.g. after the panel moved). */
  current(): RenderUpdate | undefined {
    return this.shown === undefined ? undefined : { html: this.shown, banner: this.banner };
  }

  private banner: Banner = 'none';

  private show(html: string, banner: Banner): RenderUpdate | undefined {
    const same = html === this.shown;
    if (same && banner === this.banner) return undefined;
    this.shown = html;
    this.banner = banner;
    return { html: same ? null : html, banner };
  }
}
