/**
 * The messages between the preview webview (media/preview.js) and the extension. The webview shows
 * plan text, so everything it sends is treated as untrusted input and checked here before use.
 */
// Named imports: `import { z }` would keep all of zod (with every locale) in the bundle, ~400 KB.
import { discriminatedUnion, gte, int, literal, lte, maxLength, number, object, optional, string, type infer as Infer } from 'zod/mini';

const line = int().check(gte(0), lte(10_000_000));

export const fromWebview = discriminatedUnion('type', [
  /** The page script is running and wants the current render. */
  object({ type: literal('ready') }),
  /** The user clicked a block: move the editor's cursor to its source line. */
  object({ type: literal('reveal'), line }),
  /** The user scrolled the preview: its top now shows this (fractional) source line. */
  object({ type: literal('scrolled'), line: number().check(gte(0), lte(10_000_000)) }),
  /** The banner's "Show problems" link. */
  object({ type: literal('showProblems') }),
]);

export type FromWebview = Infer<typeof fromWebview>;

/** What the webview keeps across a window reload (vscode.setState), checked before it is trusted. */
export const previewState = object({
  resource: string().check(maxLength(8192)),
  line: optional(number().check(gte(0))),
});

export type PreviewState = Infer<typeof previewState>;

export type Banner = 'none' | 'syntax-errors-kept' | 'syntax-errors';

export type ToWebview =
  /** `html` null: keep what is shown (the last good render) and only change the banner. */
  | { type: 'render'; html: string | null; banner: Banner }
  | { type: 'scrollTo'; line: number };

export function parseFromWebview(message: unknown): FromWebview | undefined {
  const parsed = fromWebview.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

export function parsePreviewState(state: unknown): PreviewState | undefined {
  const parsed = previewState.safeParse(state);
  return parsed.success ? parsed.data : undefined;
}
