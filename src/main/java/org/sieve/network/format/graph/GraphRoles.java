package org.sieve.network.format.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sieve.network.format.common.PostProcessing;
import org.sieve.network.format.common.PostProcessing.Role;
import org.tensorflow.proto.GraphDef;

/** The roles TensorFlow's ops play where {@link PostProcessing} chooses where a graph's differentiable part ends. */
final class GraphRoles {

    /** TensorFlow ops that pick, sort or index values: no gradient flows through what they choose. */
    static final Set<String> CUT_OPS = Set.of("ArgMax", "ArgMin", "GatherNd", "TopKV2", "Where",
            "NonMaxSuppressionV3", "NonMaxSuppressionV4", "NonMaxSuppressionV5", "SparseToDense");

    /** TensorFlow loops and conditionals (TF1 control flow, tensor lists and arrays), read but never built. */
    static final Set<String> LOOP_OPS = Set.of("Enter", "Exit", "Switch", "Merge", "LoopCond", "NextIteration",
            "TensorListReserve", "TensorListFromTensor", "TensorListGetItem", "TensorListSetItem", "TensorListStack",
            "TensorArrayV3", "TensorArrayReadV3", "TensorArrayWriteV3", "TensorArrayGatherV3",
            "TensorArrayScatterV3", "TensorArraySizeV3");

    private GraphRoles() {
    }

    /** A TensorFlow graph's nodes in the neutral view. */
    static List<PostProcessing.Node> nodes(GraphDef g) {
        List<PostProcessing.Node> nodes = new ArrayList<>(g.getNodeCount());
        for (var n : g.getNodeList()) {
            List<String> ins = n.getInputList().stream().filter(i -> !i.startsWith("^")).map(GraphTranslator::source)
                    .toList();
            nodes.add(new PostProcessing.Node(n.getName(), role(n.getOp()), n.getOp(), ins));
        }
        return nodes;
    }

    /** A TensorFlow op's role. */
    static Role role(String op) {
        if (CUT_OPS.contains(op)) {
            return Role.POST_PROCESSING;
        }
        if (LOOP_OPS.contains(op)) {
            return Role.CONTROL_FLOW;
        }
        return switch (op) {
            case "Placeholder" -> Role.IMAGE;
            case "Shape", "Size" -> Role.SHAPE;
            case "Cast", "Const", "Equal", "Less", "LessEqual", "Greater", "GreaterEqual", "Identity" -> Role.PLUMBING;
            default -> Role.COMPUTE;
        };
    }
}
