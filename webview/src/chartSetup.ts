/**
 * chart.js, registered piece by piece so the bundle carries only what the panel draws (lines, scatters,
 * bars on linear and log axes, with titles, legends and tooltips). chart.js draws on canvas and sets only
 * CSSOM properties on it (canvas.style.display …), which the webview CSP allows; it injects no stylesheet.
 */
import {
  BarController,
  BarElement,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, ScatterController, BarController, LineElement, PointElement, BarElement, LinearScale, LogarithmicScale, Title, Tooltip, Legend);

export { Chart };
