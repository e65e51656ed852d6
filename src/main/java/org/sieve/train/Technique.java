package org.sieve.train;

import com.google.gson.JsonObject;
import java.util.Locale;
import org.sieve.SieveException;
import org.sieve.model.Model;

/**
 * A training choice whose effect on information discarding the paper examines: how a variant of
 * a network is trained differently from its plain baseline. Stored in sieve.json under
 * {@code training.technique}.
 */
public sealed interface Technique {

    /** Plain training: softmax cross-entropy on clean images. */
    Technique NONE = new Plain();

    /**
     * How a model was trained, in a few words for {@code sieve models}: the technique's name and the
     * baseline's id from sieve.json's training record, e.g. "pruning vs lenet5-mnist"; "-" for plain training.
     */
    static String describe(JsonObject training) {
        JsonObject t = training.has("technique") ? training.getAsJsonObject("technique") : null;
        if (t == null || !t.has("name") || t.get("name").getAsString().equals(NONE.name())) {
            return "-";
        }
        return t.get("name").getAsString() + (training.has("baseline") ? " vs " + training.get("baseline").getAsString()
                : "");
    }

    /** The name stored in sieve.json and shown by {@code sieve models}. */
    String name();

    /** The technique's parameters, as sieve.json records them. */
    JsonObject parameters();

    /** A few words for the model's display name, e.g. "pruned to 90 %". */
    String summary();

    record Plain() implements Technique {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public JsonObject parameters() {
            return new JsonObject();
        }

        @Override
        public String summary() {
            return "";
        }
    }

    /**
     * Magnitude pruning with fine-tuning (Han et al. 2015; gradual schedule of Zhu and Gupta 2017):
     * starting from the baseline's trained weights, the smallest kernel weights of all layers
     * together are set to zero in steps until {@code fraction} of them are, and the rest fine-tuned.
     */
    record Pruning(double fraction) implements Technique {
        public Pruning {
            if (!(fraction > 0 && fraction < 1)) {
                throw new SieveException("--prune takes the fraction of kernel weights to remove, between 0 and 1"
                        + " exclusive (e.g. 0.9), not " + fraction + ".");
            }
        }

        @Override
        public String name() {
            return "pruning";
        }

        @Override
        public JsonObject parameters() {
            JsonObject o = new JsonObject();
            o.addProperty("fraction", fraction);
            o.addProperty("scope", "kernels of every convolution and dense layer, one global magnitude threshold;"
                    + " biases kept");
            o.addProperty("schedule", "sparsity rises as 1-(1-t/T)^3 over the first " + MagnitudePruning.RAMP_SHARE_PERCENT
                    + " % of steps, pruned every " + MagnitudePruning.EVERY + " steps, then fine-tuned with the"
                    + " mask fixed");
            return o;
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "pruned to %.0f %%", 100 * fraction);
        }
    }

    /**
     * Knowledge distillation (Hinton et al. 2015): the loss mixes the teacher's soft targets at
     * {@code temperature}, weighted {@code alpha} and scaled by T squared, with the labels' cross-entropy.
     */
    record Distillation(Model teacher, float temperature, float alpha) implements Technique {
        public Distillation {
            if (!(temperature > 0) || !Float.isFinite(temperature)) {
                throw new SieveException("--temperature must be a positive number (Hinton et al. use 2 to 20),"
                        + " not " + temperature + ".");
            }
            if (!(alpha >= 0 && alpha <= 1)) {
                throw new SieveException("--alpha is the soft targets' share of the loss, from 0 to 1, not " + alpha
                        + ".");
            }
        }

        @Override
        public String name() {
            return "distillation";
        }

        @Override
        public JsonObject parameters() {
            JsonObject o = new JsonObject();
            o.addProperty("teacher", teacher.metadata().id());
            if (teacher.metadata().testAccuracy() != null) {
                o.addProperty("teacherTestAccuracy", teacher.metadata().testAccuracy());
            }
            o.addProperty("temperature", temperature);
            o.addProperty("alpha", alpha);
            o.addProperty("loss", "alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T))"
                    + " + (1 - alpha) * cross-entropy(labels)");
            return o;
        }

        @Override
        public String summary() {
            return "distilled from " + teacher.metadata().id();
        }
    }

    /**
     * PGD adversarial training (Madry et al. 2018): every batch is replaced by its projected-gradient
     * attack within an L-infinity ball of radius {@code epsilon} in pixel units.
     */
    record Adversarial(float epsilon, int steps) implements Technique {
        public Adversarial {
            if (!(epsilon > 0 && epsilon < 1)) {
                throw new SieveException("--epsilon is the attack's L-inf radius in pixel units (0 to 1 exclusive;"
                        + " Madry et al. use 0.3 on MNIST), not " + epsilon + ".");
            }
            if (steps < 1 || steps > 1000) {
                throw new SieveException("--pgd-steps must be from 1 to 1000, not " + steps + ".");
            }
        }

        @Override
        public String name() {
            return "adversarial";
        }

        @Override
        public JsonObject parameters() {
            JsonObject o = new JsonObject();
            o.addProperty("attack", "pgd");
            o.addProperty("epsilon", epsilon);
            o.addProperty("steps", steps);
            o.addProperty("stepSize", PgdAttack.stepSize(epsilon, steps));
            o.addProperty("start", "uniform random in the ball");
            return o;
        }

        @Override
        public String summary() {
            return String.format(Locale.ROOT, "PGD-trained, eps %s", epsilon);
        }
    }
}
