package org.sieve.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The statistic of "a deeper layer keeps no more": falls between any two layers, not only neighbours. */
class DepthFallsTest {

    private static final List<String> LAYERS = List.of("a", "b", "c");

    @Test
    void findsTheLargestFallOfTheMeanAndOnOneImageOverAllPairs() {
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("x.png", new double[] {-3.0, -2.9, -3.2});   // a to c falls 0.2, b to c 0.3
        values.put("y.png", new double[] {-3.0, -2.5, -2.6});   // b to c falls 0.1
        values.put("z.png", new double[] {-3.0, Double.NaN, -2.0});
        DepthFalls f = DepthFalls.of(LAYERS, values);
        assertEquals("b", f.largestMeanFall().from());
        assertEquals("c", f.largestMeanFall().to());
        assertEquals(0.2, f.largestMeanFall().nats(), 1e-12, "mean of 0.3 and 0.1; z has no b");
        assertNull(f.largestMeanFall().image());
        assertEquals("x.png", f.largestSingleFall().image());
        assertEquals(0.3, f.largestSingleFall().nats(), 1e-12);
    }

    @Test
    void risingValuesHaveNoFall() {
        DepthFalls f = DepthFalls.of(LAYERS, Map.of("x.png", new double[] {-3, -2, -1}));
        assertNull(f.largestMeanFall().from());
        assertEquals(0, f.largestSingleFall().nats());
    }
}
