/**
 * The Charts service as the emulator answers it. Sources: Charts (reference/charts/charts: the
 * enums, newColumnChart/newBarChart/newLineChart/newPieChart/newDataTable), DataTableBuilder
 * (reference/charts/data-table-builder: addColumn(type, label), addRow(values), build() "throws
 * Error if the data table is empty or otherwise malformed"), ColumnChartBuilder
 * (reference/charts/column-chart-builder: setTitle, setXAxisTitle, setYAxisTitle, setDimensions,
 * setColors, setStacked, setLegendPosition), Chart (reference/charts/chart: getAs(contentType),
 * getBlob(), getOptions()), all at developers.google.com/apps-script/.
 */
import {newContext} from '../../emulator/context';
import {createCharts} from '../../emulator/services/charts';
import {pixelsOf, readPng} from '../png-pixels';

const ctx = newContext();
const Charts: any = createCharts(ctx);

function salesTable() {
  return Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Month')
    .addColumn(Charts.ColumnType.NUMBER, 'In store')
    .addColumn(Charts.ColumnType.NUMBER, 'Online')
    .addRow(['January', 10, 1])
    .addRow(['February', -12, 4]);
}

describe('Charts service', () => {
  test('enums print as their names', () => {
    expect(String(Charts.ColumnType.NUMBER)).toBe('NUMBER');
    expect(String(Charts.Position.BOTTOM)).toBe('BOTTOM');
    expect(String(Charts.ChartType.PIE)).toBe('PIE');
    expect(Object.keys(Charts.CurveStyle)).toEqual(['NORMAL', 'SMOOTH']);
    expect(Object.keys(Charts.PointStyle)).toEqual(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']);
  });

  test('a column chart: options read back, getAs gives a PNG of the set dimensions in the set colours', () => {
    const chart = Charts.newColumnChart()
      .setDataTable(salesTable())
      .setTitle('Sales')
      .setXAxisTitle('Month')
      .setYAxisTitle('Sales (£)')
      .setColors(['#b3261e', '#188038'])
      .setDimensions(400, 250)
      .setLegendPosition(Charts.Position.BOTTOM)
      .setStacked()
      .build();
    const o = chart.getOptions();
    expect(o.get('title')).toBe('Sales');
    expect(o.get('hAxis.title')).toBe('Month');
    expect(o.get('vAxis.title')).toBe('Sales (£)');
    expect(o.get('colors')).toEqual(['#b3261e', '#188038']);
    expect(o.get('isStacked')).toBe(true);
    expect(o.get('no such option')).toBeNull();
    const blob = chart.getAs('image/png');
    expect(blob.getContentType()).toBe('image/png');
    const png = readPng(Uint8Array.from(blob.getBytes(), (b: number) => b & 0xff));
    expect([png.width, png.height]).toEqual([400, 250]);
    // Both series drawn in their own colours (bars and legend squares), nothing in Google's default blue.
    expect(pixelsOf(png, '#b3261e')).toBeGreaterThan(500);
    expect(pixelsOf(png, '#188038')).toBeGreaterThan(100);
    expect(pixelsOf(png, '#3366cc')).toBe(0);
    expect(chart.getBlob().getContentType()).toBe('image/png');
    expect(ctx.stats.get('Chart.getAs')).toBe(1);
    expect(ctx.stats.get('DataTableBuilder.addRow')).toBe(2);
  });

  test('a pie chart colours each slice with the given colours, in row order', () => {
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Status')
      .addColumn(Charts.ColumnType.NUMBER, 'Actions')
      .addRow(['Open', 3])
      .addRow(['Closed', 1]);
    const png = readPng(
      Uint8Array.from(
        Charts.newPieChart()
          .setDataTable(table.build())
          .setColors(['#1f5c99', '#80868b'])
          .build()
          .getBlob()
          .getBytes(),
        (b: number) => b & 0xff,
      ),
    );
    const open = pixelsOf(png, '#1f5c99');
    const closed = pixelsOf(png, '#80868b');
    expect(closed).toBeGreaterThan(500);
    // Three times as many actions open: about three times the area (legend squares aside).
    expect(open / closed).toBeGreaterThan(2.5);
    expect(open / closed).toBeLessThan(3.5);
  });

  test('text styles: the title drawn in its TextStyle colour', () => {
    const style = Charts.newTextStyle().setColor('#ff00ff').setFontSize(24).build();
    expect([style.getColor(), style.getFontSize()]).toEqual(['#ff00ff', 24]);
    const chart = Charts.newColumnChart()
      .setDataTable(salesTable())
      .setTitle('Sales')
      .setTitleTextStyle(style)
      .build();
    expect(chart.getOptions().get('titleTextStyle')).toEqual({
      color: '#ff00ff',
      fontName: 'Arial',
      fontSize: 24,
    });
    const png = readPng(Uint8Array.from(chart.getBlob().getBytes(), (b: number) => b & 0xff));
    expect(pixelsOf(png, '#ff00ff')).toBeGreaterThan(10);
  });

  test('bar and line charts draw; builders offer only their own class methods', () => {
    for (const b of [Charts.newBarChart(), Charts.newLineChart()]) {
      const png = readPng(
        Uint8Array.from(
          b.setDataTable(salesTable()).build().getBlob().getBytes(),
          (x: number) => x & 0xff,
        ),
      );
      expect(png.width).toBe(560);
      expect(pixelsOf(png, '#3366cc')).toBeGreaterThan(20); // first series in Google's default colour
    }
    expect(() => Charts.newPieChart().set3D()).toThrow('not yet emulated: PieChartBuilder.set3D');
    expect(() => Charts.newLineChart().setCurveStyle(Charts.CurveStyle.SMOOTH)).toThrow(
      'not yet emulated: LineChartBuilder.setCurveStyle',
    );
    expect(() => Charts.newAreaChart()).toThrow('not yet emulated: Charts.newAreaChart');
    expect(Charts.newPieChart().setXAxisTitle).toBeUndefined(); // not a PieChartBuilder method
  });

  test('wrong argument types get Google’s signature message; malformed tables and charts say what is wrong', () => {
    expect(() => Charts.newColumnChart().setColors('red')).toThrow(
      "The parameters (String) don't match the method signature for Charts.ColumnChartBuilder.setColors.",
    );
    expect(() => Charts.newPieChart().setLegendPosition('bottom')).toThrow(
      "The parameters (String) don't match the method signature for Charts.PieChartBuilder.setLegendPosition.",
    );
    expect(() => Charts.newDataTable().addColumn('NUMBER', 'x')).toThrow(
      "The parameters (String,String) don't match the method signature for Charts.DataTableBuilder.addColumn.",
    );
    expect(() => Charts.newColumnChart().setDataTable('A1:B3')).toThrow(
      "The parameters (String) don't match the method signature for Charts.ColumnChartBuilder.setDataTable.",
    );
    expect(() => Charts.newDataTable().build()).toThrow('The data table has no columns.');
    expect(() =>
      Charts.newDataTable()
        .addColumn(Charts.ColumnType.STRING, 'Month')
        .addColumn(Charts.ColumnType.NUMBER, 'Sales')
        .addRow(['May', 'lots'])
        .build(),
    ).toThrow('Row 1, column 2 ("Sales") holds "lots"');
    expect(() => Charts.newColumnChart().build()).toThrow('setDataTable');
    const chart = Charts.newPieChart().setDataTable(salesTable()).build();
    expect(() => chart.getAs('image/jpeg')).toThrow("not yet emulated: Chart.getAs('image/jpeg')");
    expect(() => chart.getAs('text/plain')).toThrow(
      'Converting from image/png to text/plain is not supported.',
    );
  });
});
