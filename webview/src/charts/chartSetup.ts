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
  type ScriptableContext,
} from 'chart.js';

Chart.register(LineController, ScatterController, BarController, LineElement, PointElement, BarElement, LinearScale, LogarithmicScale, Title, Tooltip, Legend);

export { Chart };

/**
 * A line's point markers: drawn while it has at most `few` points, where they show each step (a run of one
 * backward() has nothing else to show); on long runs they would only thicken the line. A scriptable option,
 * because chart.js caches a dataset's resolved options and does not see a property changed before a later
 * update.
 */
export function markersWhileFew(radius: number, few = 60): (ctx: ScriptableContext<'line'>) => number {
  return (ctx) => (ctx.dataset.data.length <= few ? radius : 0);
}
