export { loadConfig, type ConfigResult } from './load-config.js';
export { CONFIG_FILE_NAME, type EditionConfig } from './edition-config.js';
