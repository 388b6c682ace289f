/**
 * The Node host: `.iptrc.json` from disk (disk-config.ts), the workspace's plans found with the
 * CLI's walk and ignore rules and read as the CLI reads them (workspace/read-plan.ts), and analysis
 * workers as worker threads running this same bundle.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discoverPlans } from '../cli/selection.js';
import { slowAnalysisFrom } from './analysis-protocol.js';
import { ANALYSIS_MEMORY_LIMIT_MB, analysisThread } from './analysis-thread-node.js';
import { diskConfig } from './disk-config.js';
import { readPlanFile } from '../workspace/read-plan.js';
import type { FoundPlans, ServerHost } from './host.js';

export function nodeHost(options: { failingMethod?: string } = {}): ServerHost {
  return {
    ...diskConfig(),
    failingMethod: options.failingMethod,
    slowAnalysis: slowAnalysisFrom(process.env),
    startAnalysisWorker: analysisThread,
    analysisMemoryLimitMb: ANALYSIS_MEMORY_LIMIT_MB,
    async findPlans(folderUris) {
      const found: FoundPlans = { plans: [], unread: [] };
      for (const folder of folderUris.filter((uri) => uri.startsWith('file:'))) {
        const { files } = await discoverPlans([], { cwd: fileURLToPath(folder), useGitignore: true });
        for (const file of files) {
          const uri = pathToFileURL(file).href;
          // Never blocks (a FIFO), never reads past what a plan can be (a link to /dev/zero, 300 MB).
          const read = readPlanFile(file);
          if ('text' in read) found.plans.push({ uri, text: read.text });
          else if ('tooLarge' in read) found.unread.push({ uri, tooLarge: read.size });
          else if ('notAPlan' in read) found.unread.push({ uri, skipped: read.notAPlan });
          // A plan that vanished or cannot be read between the walk and the read has nothing to show.
        }
      }
      return found;
    },
  };
}
