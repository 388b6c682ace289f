/**
 * Delta debugging for a failing input: drops lines, then characters, while the same property
 * still breaks, so a failure report shows a reproducer of a few lines, not a whole mutated sample.
 */
export function minimise(text: string, fails: (candidate: string) => boolean, budget = 4000): string {
  let current = text;
  let tries = 0;
  const attempt = (candidate: string) => {
    if (tries++ >= budget || candidate === current) return false;
    if (!fails(candidate)) return false;
    current = candidate;
    return true;
  };
  // Lines (keeping their line breaks), then single characters; repeat while anything shrank.
  for (let changed = true; changed && tries < budget; ) {
    changed = false;
    for (const unit of ['line', 'char'] as const) {
      const parts = unit === 'line' ? current.split(/(?<=\n)/) : [...current];
      for (let chunk = Math.max(1, Math.floor(parts.length / 2)); chunk >= 1; chunk = chunk === 1 ? 0 : Math.max(1, Math.floor(chunk / 2))) {
        for (let i = 0; i + chunk <= parts.length && tries < budget; ) {
          const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)].join('');
          if (attempt(candidate)) {
            parts.splice(i, chunk);
            changed = true;
          } else i += chunk;
        }
      }
    }
  }
  return current;
}
