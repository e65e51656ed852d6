package org.sieve.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps each layer's approximate sigma grid (step 0) and how many steps had streamed before it. */
class ApproximateMaps implements AnalysisListener {

    final Map<String, float[][]> sigma = new LinkedHashMap<>();
    final Map<String, Integer> stepsBefore = new LinkedHashMap<>();
    private int steps;

    @Override
    public boolean wantsSigma() {
        return true;
    }

    @Override
    public void sigma(String layer, int step, float[][] grid) {
        if (step == APPROXIMATE_STEP) {
            sigma.put(layer, grid);
            stepsBefore.put(layer, steps);
        }
    }

    @Override
    public void step(StepEvent e) {
        steps++;
    }
}
