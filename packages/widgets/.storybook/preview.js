import { inHost, STORY_HOSTS } from '../src/shared/story-hosts.ts';

/** @type {import('@storybook/web-components-vite').Preview} */
const preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // Every story also renders inside a grid and a flex host (toolbar "Host"):
  // a widget holds its width in any page layout.
  globalTypes: {
    host: {
      description: 'The page layout around the widget',
      toolbar: { title: 'Host', icon: 'component', items: [...STORY_HOSTS], dynamicTitle: true },
    },
  },
  initialGlobals: { host: 'block' },
  decorators: [(story, context) => inHost(context.globals.host ?? 'block', story())],
};
export default preview;
