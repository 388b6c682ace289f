/** The client code New Plan asks for: the same rule as `ipt new --client` (codes only; a name must never go in a plan). */
import { isClientCode } from '../../server/src/cli/skeleton.js';

/** Why a typed client code is refused, or undefined when it is fine. */
export function clientCodeProblem(value: string): string | undefined {
  const code = value.trim();
  if (code === '') return 'Type a client code such as C-0142.';
  if (/\s/.test(code)) return 'A client code has no spaces (use a code such as C-0142, never a name).';
  if (!isClientCode(code)) return 'Use letters and digits joined by "-", "_" or "." (at most 32), such as C-0142 — never a name.';
  return undefined;
}
