package org.cnnlab.retrieval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.cnnlab.engine.NoGrad;

/**
 * The k most similar rows of an index for many queries at once. Rows have length 1, so cosine similarity is
 * a dot product and all of them for a block of queries are one matrix product, {@code Q X^T}, done by
 * PyTorch: 10,000 queries against 10,000 images of 784 numbers are 78 billion multiply-adds, seconds
 * there and minutes in a plain Java loop. Queries go in blocks so that the similarity matrix stays small.
 */
final class Similarity {
    private static final int BLOCK = 512;

    /** For each query: the positions of its {@code k} nearest rows, and their similarities. */
    record Nearest(int[][] indices, float[][] similarities) {
    }

    private Similarity() {}

    /**
     * The {@code k} rows of {@code index} nearest each of {@code queries}; {@code self[q]} is a row to leave
     * out for query {@code q} (the query itself when it comes from the index), or -1, or {@code self} null.
     */
    static Nearest nearest(float[][] index, float[][] queries, int[] self, int k) {
        int n = index.length;
        int d = index[0].length;
        int take = Math.min(n, k + (self == null ? 0 : 1));
        int[][] indices = new int[queries.length][];
        float[][] similarities = new float[queries.length][];
        try (NDManager m = NDManager.newBaseManager(); NoGrad ignored = NoGrad.start()) {
            NDArray x = m.create(flat(index, 0, n), new Shape(n, d)).transpose();
            for (int start = 0; start < queries.length; start += BLOCK) {
                int end = Math.min(queries.length, start + BLOCK);
                try (NDManager block = m.newSubManager()) {
                    NDArray q = block.create(flat(queries, start, end), new Shape(end - start, d));
                    NDList top = q.matMul(x).topK(take, 1, true, true);
                    float[] values = top.get(0).toFloatArray();
                    long[] positions = top.get(1).toLongArray();
                    for (int r = 0; r < end - start; r++) {
                        int leaveOut = self == null ? -1 : self[start + r];
                        keep(r, take, k, leaveOut, values, positions, indices, similarities, start);
                    }
                }
            }
        }
        return new Nearest(indices, similarities);
    }

    /** Keeps the first {@code k} of row {@code r}'s candidates that are not {@code leaveOut}. */
    private static void keep(int r, int take, int k, int leaveOut, float[] values, long[] positions, int[][] indices,
            float[][] similarities, int start) {
        int count = Math.min(k, take - (leaveOut >= 0 ? 1 : 0));
        int[] idx = new int[count];
        float[] sim = new float[count];
        int got = 0;
        for (int c = 0; c < take && got < count; c++) {
            int p = (int) positions[r * take + c];
            if (p != leaveOut) {
                idx[got] = p;
                sim[got] = values[r * take + c];
                got++;
            }
        }
        indices[start + r] = idx;
        similarities[start + r] = sim;
    }

    private static float[] flat(float[][] rows, int from, int to) {
        int d = rows[0].length;
        float[] out = new float[(to - from) * d];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows[i], 0, out, (i - from) * d, d);
        }
        return out;
    }
}
