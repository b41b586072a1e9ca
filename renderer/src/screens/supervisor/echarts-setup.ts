/**
 * echarts with only what the dashboard draws (bar and line charts, grid, tooltip, legend, aria) and the SVG renderer:
 * importing 'echarts' whole would add every chart type and the canvas renderer to the bundle. SVG also keeps the
 * charts crisp when zoomed and lets tests see what was drawn.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export { echarts };
export type EChartsType = ReturnType<typeof echarts.init>;
