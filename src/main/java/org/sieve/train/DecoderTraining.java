package org.sieve.train;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.sieve.SieveException;
import org.sieve.data.Dataset;
import org.sieve.model.Model;
import org.sieve.network.Network;
import org.sieve.model.DecoderSet;

/**
 * Trains the decoders of metric 2 (METHOD.md section 3) for some layers of a model, all at once,
 * on images of the model's domain, and measures each one's reconstruction error on held-out images.
 * Labels are not used: a folder of unlabelled images serves as well as a dataset.
 */
public final class DecoderTraining {

    /**
     * @param epochs       the most passes over the training images
     * @param batchSize    images per step
     * @param learningRate Adam's step size at the start; it decays linearly to a tenth over {@code epochs}
     * @param patience     training stops once this many epochs in a row improved no decoder's held-out
     *                     error by {@link #MIN_IMPROVEMENT}: the error has stopped improving
     */
    public record Config(int epochs, int batchSize, float learningRate, long seed, int patience) {

        /** Ours, for a CPU: the reference trains 5 epochs at batch 16 and lr 0.01. */
        public static Config defaults() {
            return new Config(12, 32, 0.003f, 0, 1);
        }
    }

    /** A relative fall of the held-out error smaller than this is no improvement. */
    static final double MIN_IMPROVEMENT = 0.01;

    /** Progress of a decoder training. */
    public interface Listener {
        void batchDone(int epoch, int batch, int batches, double meanLoss, double imagesPerSecond);

        /** @param heldOutMse each layer's held-out error after this epoch */
        void epochDone(int epoch, int epochs, Map<String, Double> heldOutMse, double seconds);
    }

    private DecoderTraining() {
    }

    /**
     * @param train   images to train on (labels ignored)
     * @param heldOut images never trained on, for the reported error
     * @return each layer's decoder with its held-out mean squared error per pixel
     */
    public static Map<String, DecoderSet.Decoder> train(Model model, List<String> layers, Dataset train,
            Dataset heldOut, Config config, Listener listener) {
        var in = model.network().input();
        for (Dataset d : List.of(train, heldOut)) {
            if (d.height() != in.height() || d.width() != in.width() || d.channels() != in.channels()) {
                throw new SieveException("The images of " + d.name() + " are " + d.height() + "x" + d.width() + "x"
                        + d.channels() + " but model '" + model.id() + "' takes " + in.height() + "x" + in.width()
                        + "x" + in.channels() + ".");
            }
        }
        if (train.size() == 0 || heldOut.size() == 0) {
            throw new SieveException("Decoder training needs training and held-out images; got " + train.size()
                    + " and " + heldOut.size() + ".");
        }
        layers.forEach(model.network()::layer);
        BatchSource source = new BatchSource(train, PixelStatistics.identity(train.channels()), 0, config.seed());
        try (DecoderTrainingGraph graph = new DecoderTrainingGraph(model, layers, config.seed())) {
            BestDecoders best = new BestDecoders(layers);
            EpochLoop.run(source, train.size(), config.epochs(), config.batchSize(),
                    LearningRateSchedule.linearToTenth(config.learningRate()),
                    (batch, t, lr) -> mean(graph.step(batch, t, lr)), listener::batchDone,
                    (epoch, seconds) -> {
                        Map<String, Network> networks = graph.export();
                        double[] mse = DecoderEvaluation.meanSquaredErrors(model, layers,
                                layers.stream().map(networks::get).toList(), heldOut);
                        best.offer(networks, mse);
                        listener.epochDone(epoch, config.epochs(), best.lastEpoch(), seconds);
                        return best.epochsWithoutImprovement() < config.patience();
                    });
            return best.decoders(heldOut.size());
        }
    }

    private static double mean(float[] losses) {
        double mean = 0;
        for (float l : losses) {
            mean += l / losses.length;
        }
        return mean;
    }

    /** What decoders.json records about a training run. */
    public static JsonObject describe(String images, int trainImages, Config config, double seconds) {
        JsonObject o = new JsonObject();
        o.addProperty("images", images);
        o.addProperty("trainImages", trainImages);
        o.addProperty("maxEpochs", config.epochs());
        o.addProperty("patience", config.patience());
        o.addProperty("batchSize", config.batchSize());
        o.addProperty("learningRate", config.learningRate());
        o.addProperty("seed", config.seed());
        o.addProperty("wallSeconds", Math.round(seconds));
        o.addProperty("design", DecoderArchitecture.DESIGN);
        o.addProperty("architecture", DecoderArchitecture.describe());
        return o;
    }
}
