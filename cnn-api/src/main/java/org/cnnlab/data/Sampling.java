package org.cnnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Seeded random choices shared by shuffling, splitting and sampling. {@link Random} is used on purpose:
 * its algorithm is fixed by the Java specification, so a seed gives the same result on every JVM.
 */
final class Sampling {
    private Sampling() {}

    /** A random permutation of {@code 0..n-1} (Fisher-Yates). */
    static int[] permutation(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(seed));
        return order;
    }

    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Marks about {@code fraction} of the items of every class, chosen at random: {@code round(fraction *
     * count)} of each class's {@code count} items.
     */
    static boolean[] stratifiedChoice(IntUnaryOperator labelOf, int n, int classes, double fraction, long seed) {
        List<List<Integer>> byClass = byClass(labelOf, n, classes);
        Random random = new Random(seed);
        boolean[] chosen = new boolean[n];
        for (List<Integer> members : byClass) {
            int[] order = permutation(members.size(), random.nextLong());
            long take = Math.round(fraction * members.size());
            for (int k = 0; k < take; k++) {
                chosen[members.get(order[k])] = true;
            }
        }
        return chosen;
    }

    /** Up to {@code perClass} items of every class, chosen at random, returned in ascending order. */
    static int[] balancedSample(IntUnaryOperator labelOf, int n, int classes, int perClass, long seed) {
        List<List<Integer>> byClass = byClass(labelOf, n, classes);
        Random random = new Random(seed);
        boolean[] chosen = new boolean[n];
        for (List<Integer> members : byClass) {
            int[] order = permutation(members.size(), random.nextLong());
            for (int k = 0; k < Math.min(perClass, members.size()); k++) {
                chosen[members.get(order[k])] = true;
            }
        }
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (chosen[i]) {
                picked.add(i);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<List<Integer>> byClass(IntUnaryOperator labelOf, int n, int classes) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            byClass.get(labelOf.applyAsInt(i)).add(i);
        }
        return byClass;
    }
}
