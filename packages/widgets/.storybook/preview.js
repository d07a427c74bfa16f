/** @type {import('@storybook/web-components-vite').Preview} */
const preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};
export default preview;
