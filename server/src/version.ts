/** The tool's name, version and home, for --version and SARIF. esbuild inlines the version at build time. */
import { repository, version as packageVersion } from '../../package.json';

export const TOOL_NAME = 'ipt';
export const TOOL_VERSION: string = packageVersion;
/** The project's home page, from package.json `repository` (where the docs are published). */
export const TOOL_HOME: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
