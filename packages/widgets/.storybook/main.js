// Storybook 10 (ESM config): one story per widget state, from fixed data
// set as properties, so no server is needed.
import { defaultClientConditions } from 'vite';

/** @type {import('@storybook/web-components-vite').StorybookConfig} */
const config = {
  stories: ['../src/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    // Workspace packages resolve to their sources, as in the tests.
    viteConfig.resolve = { ...viteConfig.resolve, conditions: ['@paht/source', ...defaultClientConditions] };
    return viteConfig;
  },
};
export default config;
