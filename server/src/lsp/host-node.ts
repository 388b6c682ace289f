/**
 * The Node host: `.iptrc.json` from disk (disk-config.ts), the workspace's plans found with the
 * CLI's walk and ignore rules, and analysis workers as worker threads running this same bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPlans } from '../cli/selection.js';
import { slowAnalysisFrom } from './analysis-protocol.js';
import { ANALYSIS_MEMORY_LIMIT_MB, analysisThread } from './analysis-thread-node.js';
import { diskConfig } from './disk-config.js';
import type { PlanFileText, ServerHost } from './host.js';

export function nodeHost(options: { failingMethod?: string } = {}): ServerHost {
  return {
    ...diskConfig(),
    failingMethod: options.failingMethod,
    slowAnalysis: slowAnalysisFrom(process.env),
    startAnalysisWorker: analysisThread,
    analysisMemoryLimitMb: ANALYSIS_MEMORY_LIMIT_MB,
    async findPlans(folderUris) {
      const plans: PlanFileText[] = [];
      for (const folder of folderUris.filter((uri) => uri.startsWith('file:'))) {
        const { files } = await discoverPlans([], { cwd: fileURLToPath(folder), useGitignore: true });
        for (const file of files) {
          try {
            plans.push({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
          } catch {
            // A plan that vanished or cannot be read between the walk and the read has nothing to show.
          }
        }
      }
      return plans;
    },
  };
}
