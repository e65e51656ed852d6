package org.sieve.metrics;

import java.util.function.BooleanSupplier;

/**
 * Re-measures D/D0 on fresh noise after the optimisation and projects layers that miss tau
 * back onto the constraint (METHOD.md: the reported sigma must satisfy it within 10 % on a
 * fresh sample).
 */
final class ConstraintCheck {

    static final String PHASE_CHECK = "Checking the constraint on fresh noise";
    static final String PHASE_CALIBRATE = "Calibrating layers off the constraint";
    static final String PHASE_RECHECK = "Re-checking calibrated layers on fresh noise";

    /** Layers further than this from tau are calibrated even though 10 % would pass. */
    static final double CALIBRATION_TRIGGER = 0.04;
    static final int CALIBRATION_ITERATIONS = 6;
    /** Calibration stops within 1 % of tau on its sample. */
    static final double CALIBRATION_PRECISION = 0.01;
    static final int MAX_CHECK_DOUBLINGS = 3;
    /** The largest shift of log sigma, in nats, calibration may apply. */
    static final double CALIBRATION_RANGE = 2.0;

    private final SigmaGraph graph;
    private final DiscardingSettings s;
    private final double[] d0;
    private final long[] keys;
    private final int runs;
    private final AnalysisListener listener;
    private final BooleanSupplier cancelled;
    private final int count;

    /**
     * @param keys each layer's noise key ({@link NoiseStream#layerKey})
     * @param runs batches of draws per measurement, {@code checkDraws / draws} rounded up
     */
    ConstraintCheck(SigmaGraph graph, DiscardingSettings settings, double[] d0, long[] keys, int runs,
            AnalysisListener listener, BooleanSupplier cancelled) {
        this.graph = graph;
        this.s = settings;
        this.d0 = d0;
        this.keys = keys;
        this.runs = runs;
        this.listener = listener;
        this.cancelled = cancelled;
        this.count = d0.length;
    }

    /**
     * Returns each layer's D/D0 on fresh noise, shifting {@code logSigma} in place where needed.
     * Layers off target by more than a few percent are projected back onto the constraint by
     * shifting all their log sigmas by one constant (the direction that changes the entropy
     * fastest), found by a secant search on a fixed noise sample, then measured again on noise
     * neither the optimiser nor the search saw. The estimate is heavy-tailed where sigma is
     * large, so a miss is retried with twice the draws, up to {@link #MAX_CHECK_DOUBLINGS} times.
     */
    double[] apply(float[][] logSigma, boolean[] failed) {
        listener.phase(PHASE_CHECK);
        double[] ratio = ratios(logSigma, NoiseStream.CHECK, 0, runs);
        for (int attempt = 0; attempt <= MAX_CHECK_DOUBLINGS; attempt++) {
            boolean[] off = new boolean[count];
            boolean any = false;
            for (int l = 0; l < count; l++) {
                double miss = Math.abs(ratio[l] - s.tau()) / s.tau();
                double allowed = attempt == 0 ? CALIBRATION_TRIGGER : OptimisationRun.CONSTRAINT_TOLERANCE;
                off[l] = !failed[l] && miss > allowed;
                any |= off[l];
            }
            if (!any) {
                break;
            }
            int sampleRuns = runs << attempt;
            listener.phase(PHASE_CALIBRATE);
            double[] shift = calibrate(logSigma, ratio, off, sampleRuns, attempt);
            float[][] calibrated = shifted(logSigma, shift);
            for (int l = 0; l < count; l++) {
                logSigma[l] = calibrated[l];
            }
            listener.phase(PHASE_RECHECK);
            double[] fresh = ratios(logSigma, NoiseStream.RECHECK, attempt, sampleRuns);
            for (int l = 0; l < count; l++) {
                if (off[l]) {
                    ratio[l] = fresh[l];
                }
            }
        }
        return ratio;
    }

    /**
     * Per layer, the constant shift c of log sigma that puts D/D0 on tau for one noise sample:
     * a secant search on log(D/D0) against c, started where D growing like sigma^2 puts it.
     */
    private double[] calibrate(float[][] logSigma, double[] ratio, boolean[] which, int runs, int attempt) {
        double logTau = Math.log(s.tau());
        double[] shift = new double[count];
        double[] previousShift = new double[count];
        double[] previousLog = new double[count];
        boolean[] open = which.clone();
        for (int l = 0; l < count; l++) {
            previousLog[l] = Math.log(ratio[l]);
            if (open[l]) {
                shift[l] = clampShift(0.5 * (logTau - previousLog[l]));
            }
        }
        for (int it = 0; it < CALIBRATION_ITERATIONS && OptimisationRun.anyOf(open); it++) {
            if (cancelled.getAsBoolean()) {
                throw new AnalysisCancelledException();
            }
            double[] r = ratios(shifted(logSigma, shift), NoiseStream.CALIBRATION, attempt, runs);
            for (int l = 0; l < count; l++) {
                if (!open[l]) {
                    continue;
                }
                double log = Math.log(r[l]);
                if (Math.abs(log - logTau) < CALIBRATION_PRECISION || !Double.isFinite(log)) {
                    open[l] = false;
                    continue;
                }
                double slope = (log - previousLog[l]) / (shift[l] - previousShift[l]);
                // D/D0 rises with sigma; a flat or inverted secant (noise, saturation) falls
                // back to the sigma^2 law.
                double next = shift[l] + (logTau - log) / (slope > 0.1 ? slope : 2.0);
                previousShift[l] = shift[l];
                previousLog[l] = log;
                shift[l] = clampShift(next);
            }
        }
        return shift;
    }

    private static double clampShift(double c) {
        return Math.max(-CALIBRATION_RANGE, Math.min(CALIBRATION_RANGE, c));
    }


    private float[][] shifted(float[][] logSigma, double[] shift) {
        float lo = (float) Math.log(s.sigmaMin());
        float hi = (float) Math.log(s.sigmaMax());
        float[][] out = new float[count][];
        for (int l = 0; l < count; l++) {
            out[l] = logSigma[l].clone();
            for (int c = 0; c < out[l].length; c++) {
                out[l][c] = Math.min(hi, Math.max(lo, (float) (out[l][c] + shift[l])));
            }
        }
        return out;
    }

    private double[] ratios(float[][] logSigma, NoiseStream stream, int attempt, int runs) {
        double[] d = graph.distortion(logSigma, keys, stream, attempt, runs);
        for (int l = 0; l < count; l++) {
            d[l] /= d0[l];
        }
        return d;
    }
}
