/** The tool's name, version and home, for --version and SARIF. esbuild inlines the version at build time. */
import { version as packageVersion } from '../../package.json';

export const TOOL_NAME = 'ipt';
export const TOOL_VERSION: string = packageVersion;
export const TOOL_HOME = 'https://github.com/ipt-plan/ipt-plan';
