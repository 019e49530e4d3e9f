package org.cnnlab.train.charts;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** One look for every training chart: white background, light grid, readable sans-serif fonts, fixed colours. */
final class ChartStyle {
    static final Color BLUE = new Color(0x1f77b4);
    static final Color LIGHT_BLUE = new Color(0xaecde8);
    static final Color ORANGE = new Color(0xff7f0e);
    static final Color GREEN = new Color(0x2ca02c);
    static final Color GREY_TEXT = new Color(0x333333);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private ChartStyle() {}

    static XYChart xyChart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xe6e6e6));
        s.setPlotBorderColor(new Color(0xbbbbbb));
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setChartFontColor(GREY_TEXT);
        s.setLegendFont(LEGEND);
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setChartPadding(12);
        s.setAntiAlias(true);
        chart.getStyler().setAxisTitleFont(AXIS_TITLE);
        chart.getStyler().setAxisTickLabelsFont(TICKS);
        chart.getStyler().setAxisTickLabelsColor(GREY_TEXT);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }
}
