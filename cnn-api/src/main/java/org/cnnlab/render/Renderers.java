package org.cnnlab.render;

import ai.djl.ndarray.NDArray;
import java.awt.image.BufferedImage;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Turns the values a notebook user meets into MIME bundles: cnn-api's own pictures, XChart charts,
 * Tablesaw tables, DJL arrays, plain images and Java arrays (as aligned matrices). Anything else is shown as its {@code toString()}.
 * Every host (notebook, terminal) goes through here, so a value looks the same everywhere.
 */
final class Renderers {
    private Renderers() {}

    static MimeBundle bundleOf(Object value) {
        if (value instanceof MimeBundle) {
            return (MimeBundle) value;
        }
        if (value instanceof Displayable) {
            return ((Displayable) value).toMimeBundle();
        }
        if (value instanceof Chart) {
            return chart((Chart<?, ?>) value);
        }
        if (value instanceof Table) {
            return TableRendering.bundle((Table) value);
        }
        if (value instanceof BufferedImage) {
            BufferedImage image = (BufferedImage) value;
            int k = PixelScale.factor(image.getWidth(), image.getHeight());
            return Png.bundle(PixelScale.enlarge(image), "image " + image.getWidth() + "x" + image.getHeight()
                    + (k > 1 ? ", shown " + k + " times larger" : ""));
        }
        if (value instanceof NDArray) {
            return NDArrayRendering.bundle((NDArray) value);
        }
        if (value != null && value.getClass().isArray()) {
            return ArrayRendering.bundle(value);
        }
        return MimeBundle.text(String.valueOf(value));
    }

    private static MimeBundle chart(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "chart" : chart.getTitle();
        return Png.bundle(image, title + " (" + chart.getClass().getSimpleName() + ", "
                + chart.getWidth() + "x" + chart.getHeight() + ")");
    }
}
