/**
 * A paper's chart as a PNG through the Charts service (developers.google.com/apps-script/reference/charts):
 * a DataTable of the categories and series, a column, bar, line or pie chart with its title,
 * axis titles and colours, drawn by Google with Chart.getAs('image/png'). The image travels
 * inside the paper's .docx (docx.ts), so the chart is part of the one upload that makes the Doc.
 */
import {ChartBlock} from './model';

/** The chart's size in pixels: nearly the text width of an A4 page with 2 cm margins. */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 320;

type Builder =
  | GoogleAppsScript.Charts.ColumnChartBuilder
  | GoogleAppsScript.Charts.BarChartBuilder
  | GoogleAppsScript.Charts.LineChartBuilder;

/** The chart of a block as a PNG blob. */
export function chartImage(b: ChartBlock): GoogleAppsScript.Base.Blob {
  const table = Charts.newDataTable().addColumn(
    Charts.ColumnType.STRING,
    b.xAxisTitle || 'Category',
  );
  for (const s of b.series) table.addColumn(Charts.ColumnType.NUMBER, s.name);
  b.labels.forEach((label, i) => table.addRow([label, ...b.series.map(s => s.values[i] ?? null)]));
  // A pie's legend names its slices; a single series needs none (the title says what it is).
  const legend =
    b.type === 'pie'
      ? Charts.Position.RIGHT
      : b.series.length > 1
        ? Charts.Position.BOTTOM
        : Charts.Position.NONE;
  let chart: GoogleAppsScript.Charts.Chart;
  if (b.type === 'pie') {
    const pie = Charts.newPieChart().setDataTable(table).setTitle(b.title);
    pie.setDimensions(CHART_WIDTH, CHART_HEIGHT).setLegendPosition(legend);
    if (b.colours?.length) pie.setColors([...b.colours]);
    chart = pie.build();
  } else {
    const axes: Builder =
      b.type === 'bar'
        ? Charts.newBarChart()
        : b.type === 'line'
          ? Charts.newLineChart()
          : Charts.newColumnChart();
    axes.setDataTable(table).setTitle(b.title).setDimensions(CHART_WIDTH, CHART_HEIGHT);
    axes.setLegendPosition(legend);
    if (b.xAxisTitle) axes.setXAxisTitle(b.xAxisTitle);
    if (b.yAxisTitle) axes.setYAxisTitle(b.yAxisTitle);
    if (b.colours?.length) axes.setColors([...b.colours]);
    if (b.stacked && b.type !== 'line')
      (axes as GoogleAppsScript.Charts.ColumnChartBuilder).setStacked();
    chart = axes.build();
  }
  return chart.getAs('image/png');
}
