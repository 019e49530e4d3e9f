package org.cnnlab.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.engine.NoGrad;

/**
 * All of a network's trainable numbers in one flat array, so that an optimizer can update every weight and
 * bias of every layer in a few engine calls instead of several per layer.
 *
 * <p>How: the parameters are copied once, end to end, into one 1-D array ({@link #values()}), and each
 * DJL {@link Parameter} is then pointed at a <em>view</em> of its stretch of that array: the same memory,
 * shaped as the layer expects. Everything that reads a layer's weights (forward, pictures of filters,
 * saving) keeps working and sees every update at once; nothing has to be copied back.
 *
 * <p>For a training step, {@link #forStep(NDManager)} makes a gradient-recording alias of the flat array and
 * splits it into per-layer views (one split, plus reshapes that move no data). The backward pass then
 * collects every layer's gradient into one flat gradient, in the same layout as the values, which
 * {@link FlatOptimizer} consumes in one go. Because the alias is new each step, its gradient starts empty:
 * no per-parameter zeroing either.
 *
 * <p>Re-pointing a parameter needs DJL's private {@code Parameter.array} field (DJL only allows setting it
 * once); {@link #attach} returns null where that is not possible and training then takes DJL's own
 * per-parameter path.
 */
final class FlatParameters {
    private static final Field ARRAY_FIELD = arrayField();

    private final List<Parameter> parameters;
    private final NDArray[] installed;
    private final long[] splitPoints;
    private final Shape[] shapes;
    private final NDArray values;

    private FlatParameters(List<Parameter> parameters, NDArray[] installed, long[] splitPoints, Shape[] shapes,
                           NDArray values) {
        this.parameters = parameters;
        this.installed = installed;
        this.splitPoints = splitPoints;
        this.shapes = shapes;
        this.values = values;
    }

    /**
     * Moves the trainable parameters of {@code block} into one flat array owned by {@code manager}, or
     * returns null when the parameters cannot be re-pointed (then nothing has changed).
     */
    static FlatParameters attach(Block block, NDManager manager) {
        if (ARRAY_FIELD == null) {
            return null;
        }
        List<Parameter> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p.getValue());
            }
        }
        if (trainable.isEmpty()) {
            return null;
        }
        int n = trainable.size();
        Shape[] shapes = new Shape[n];
        long[] splitPoints = new long[n - 1];
        NDArray[] installed = new NDArray[n];
        try (NoGrad ignored = NoGrad.start(); NDManager scratch = manager.newSubManager()) {
            NDList pieces = new NDList();
            long offset = 0;
            for (int i = 0; i < n; i++) {
                NDArray a = trainable.get(i).getArray();
                shapes[i] = a.getShape();
                pieces.add(a.reshape(-1));
                pieces.get(i).attach(scratch);
                offset += shapes[i].size();
                if (i < n - 1) {
                    splitPoints[i] = offset;
                }
            }
            NDArray flat = NDArrays.concat(pieces);
            flat.attach(manager);
            long start = 0;
            for (int i = 0; i < n; i++) {
                Parameter p = trainable.get(i);
                NDArray old = p.getArray();
                long end = start + shapes[i].size();
                NDArray view;
                try (NDArray stretch = flat.get(new NDIndex("{}:{}", start, end))) {
                    view = stretch.reshape(shapes[i]);
                }
                view.attach(old.getManager());
                view.setRequiresGradient(true);
                ARRAY_FIELD.set(p, view);
                installed[i] = view;
                old.close();
                start = end;
            }
            return new FlatParameters(trainable, installed, splitPoints, shapes, flat);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    /** The flat array of every trainable number, in parameter order. */
    NDArray values() {
        return values;
    }

    /** How many trainable arrays (weights and biases) the flat array holds. */
    int parameterArrays() {
        return parameters.size();
    }

    /**
     * True while every parameter still shows its view of the flat array. Loading weights into a network
     * (or anything else that gives a parameter a new array) breaks the link; the session then starts over.
     */
    boolean attached() {
        for (int i = 0; i < installed.length; i++) {
            if (parameters.get(i).getArray() != installed[i] || installed[i].isReleased()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The views one training step computes with, belonging to {@code batch} (closed with it). Call it inside
     * the step's {@code GradientCollector}: the split must be recorded for the gradients to reach the alias.
     */
    Step forStep(NDManager batch) {
        if (!JniUtils.isGradMode()) {
            throw new IllegalStateException("FlatParameters.forStep was called with gradient recording off; call "
                    + "it inside the step's GradientCollector.");
        }
        NDArray alias = values.stopGradient();
        alias.attach(batch);
        alias.setRequiresGradient(true);
        NDList pieces = alias.split(splitPoints);
        Map<Parameter, NDArray> views = new IdentityHashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            NDArray view = pieces.get(i).reshape(shapes[i]);
            views.put(parameters.get(i), view);
        }
        return new Step(batch, alias, views);
    }

    /** One step's views and the flat gradient they collect. */
    static final class Step extends ParameterStore {
        private final NDArray alias;
        private final Map<Parameter, NDArray> views;

        private Step(NDManager batch, NDArray alias, Map<Parameter, NDArray> views) {
            super(batch, false);
            this.alias = alias;
            this.views = views;
        }

        /** The layer's view for trainable parameters; other parameters (running statistics) as they are. */
        @Override
        public NDArray getValue(Parameter parameter, Device device, boolean training) {
            if (parameter == null) {
                return null;
            }
            NDArray view = views.get(parameter);
            return view != null ? view : parameter.getArray();
        }

        /** Every parameter's gradient, flat, after the backward pass. */
        NDArray gradient() {
            return alias.getGradient();
        }
    }

    private static Field arrayField() {
        try {
            Field f = Parameter.class.getDeclaredField("array");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
