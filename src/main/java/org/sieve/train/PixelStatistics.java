package org.sieve.train;

import java.util.Arrays;
import org.sieve.data.Dataset;

/** Per-channel mean and standard deviation of a dataset's pixels, the model's input normalisation. */
public record PixelStatistics(float[] mean, float[] std) {

    /** No normalisation: batches stay in pixel space (what decoders read and rebuild). */
    static PixelStatistics identity(int channels) {
        float[] mean = new float[channels];
        float[] std = new float[channels];
        Arrays.fill(std, 1f);
        return new PixelStatistics(mean, std);
    }

    public static PixelStatistics of(Dataset data) {
        int c = data.channels();
        double[] sum = new double[c];
        double[] sumSq = new double[c];
        long perChannel = 0;
        for (float[] image : data.images()) {
            for (int p = 0; p < image.length; p++) {
                sum[p % c] += image[p];
                sumSq[p % c] += (double) image[p] * image[p];
            }
            perChannel += image.length / c;
        }
        float[] mean = new float[c];
        float[] std = new float[c];
        for (int i = 0; i < c; i++) {
            double m = sum[i] / perChannel;
            mean[i] = (float) m;
            std[i] = (float) Math.sqrt(Math.max(sumSq[i] / perChannel - m * m, 1e-12));
        }
        return new PixelStatistics(mean, std);
    }
}
