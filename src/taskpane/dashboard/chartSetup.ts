import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Title, Tooltip } from 'chart.js';

/**
 * Chart.js with only what the dashboard draws (tree-shaken: no `chart.js/auto`): line and bar
 * controllers, their elements, linear and category scales, fill, legend, title and tooltip.
 * Animations are switched off in every configuration.
 */
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Filler, Legend, Title, Tooltip);

export { Chart };
