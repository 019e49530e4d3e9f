package org.cnnlab.model;

import org.cnnlab.geometry.Volume;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A network's summary as a table, one row per layer, then the totals: output shape, parameters,
 * multiply-adds per image, receptive field, and the parameters a fully connected layer would need for the
 * same mapping (the course's point: a conv layer shares its few weights across the image, a dense layer
 * needs one weight per input-output pair and forgets where things were).
 */
public final class Summary {
    public static final String LAYER = "layer";
    public static final String KIND = "kind";
    public static final String OUTPUT = "output shape";
    public static final String PARAMETERS = "parameters";
    public static final String MULTIPLY_ADDS = "multiply-adds";
    public static final String RECEPTIVE_FIELD = "receptive field";
    public static final String FC_PARAMETERS = "if fully connected";

    private Summary() {}

    /** The table for {@code spec}: first the input, then a row per layer, last the totals. */
    public static Table of(ModelSpec spec, String title) {
        StringColumn layer = StringColumn.create(LAYER);
        StringColumn kind = StringColumn.create(KIND);
        StringColumn output = StringColumn.create(OUTPUT);
        LongColumn params = LongColumn.create(PARAMETERS);
        LongColumn macs = LongColumn.create(MULTIPLY_ADDS);
        StringColumn field = StringColumn.create(RECEPTIVE_FIELD);
        LongColumn fc = LongColumn.create(FC_PARAMETERS);
        Volume in = spec.input();
        layer.append("input");
        kind.append("image");
        output.append(in.toString());
        params.append(0);
        macs.append(0);
        field.append("1x1");
        fc.appendMissing();
        long fcTotal = 0;
        for (LayerInfo info : spec.infos()) {
            layer.append(info.name());
            kind.append(info.layer().describe());
            output.append(info.output().toString());
            params.append(info.parameters());
            macs.append(info.multiplyAdds());
            field.append(info.receptiveField());
            if (info.fcParameters().isPresent()) {
                fc.append(info.fcParameters().getAsLong());
                fcTotal += info.fcParameters().getAsLong();
            } else {
                fc.appendMissing();
            }
        }
        layer.append("total");
        kind.append(spec.infos().size() + " layers");
        output.append(spec.outputShape().toString());
        params.append(spec.parameterCount());
        macs.append(spec.multiplyAdds());
        field.append("");
        fc.append(fcTotal);
        for (LongColumn c : new LongColumn[] {params, macs, fc}) {
            c.setPrintFormatter(NumberColumnFormatter.intsWithGrouping());
        }
        return Table.create(title, layer, kind, output, params, macs, field, fc);
    }
}
