package org.sieve.network.format.graph;

import java.util.HashSet;
import java.util.Set;
import org.sieve.network.WeightTensor;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.NodeDef;

/**
 * A model's single example taken out of its batch and put back: TensorFlow's per-image
 * preprocessing ({@code tf.stack([f(x) for x in tf.unstack(images)])}) unstacks a batch of one
 * along axis 0, or squeezes that axis, and stacks or expands it again. Sieve's layers carry a batch
 * of noisy copies, so such a pair is the identity on each copy; an op that reads the example
 * between the two would compute on the whole batch instead, and is refused.
 */
final class BatchOfOne {

    /** Node outputs that hold the example without its batch axis. */
    private final Set<String> unbatched = new HashSet<>();

    /** Whether {@code key} holds an example without its batch axis, which only ops that restore it may read. */
    boolean unbatched(String key) {
        return unbatched.contains(key);
    }

    /**
     * The layer {@code n} passes through unchanged when it takes the batch axis of a batch of one
     * away ({@code input} is a layer output with the batch axis) or puts it back ({@code input}
     * lacks it); null when it is neither.
     * @param rank the input's rank without the batch axis, as Sieve's layers record it
     * @param axis the op's axis operand, null when the op has it as an attribute
     */
    String passThrough(NodeDef n, String key, String layer, int rank, WeightTensor axis) {
        boolean out = unbatched.contains(key);
        boolean passes = switch (n.getOp()) {
            case "Unpack" -> !out && attr(n, "num", 0) == 1 && first(attr(n, "axis", 0), rank + 1);
            case "Squeeze" -> !out && n.getAttrMap().containsKey("squeeze_dims")
                    && n.getAttrMap().get("squeeze_dims").getList().getIList().size() == 1
                    && first(n.getAttrMap().get("squeeze_dims").getList().getI(0), rank + 1);
            // An unbatched input's recorded shape is the example's own: one axis is added back.
            case "ExpandDims" -> out && axis != null && axis.values().length == 1
                    && first((long) axis.values()[0], rank + 1);
            case "Pack" -> out && attr(n, "N", 0) == 1 && first(attr(n, "axis", 0), rank + 1);
            default -> false;
        };
        if (passes && !out) {
            unbatched.add(n.getName());
        }
        return passes ? layer : null;
    }

    private static long attr(NodeDef n, String name, long fallback) {
        AttrValue a = n.getAttrMap().get(name);
        return a == null ? fallback : a.getI();
    }

    /** Whether {@code axis} of a tensor of rank {@code rank} is its first. */
    private static boolean first(long axis, int rank) {
        return (axis < 0 ? axis + rank : axis) == 0;
    }
}
