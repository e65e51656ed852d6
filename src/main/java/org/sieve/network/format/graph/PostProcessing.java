package org.sieve.network.format.graph;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Where a graph's differentiable part ends. Detectors and pose models often finish inside the
 * graph with post-processing (ArgMax, gathers, non-max suppression) or loops; none has a
 * gradient, so the analysed output is the last tensor the network computes before them.
 */
final class PostProcessing {

    /** Ops that pick, sort or index values: no gradient flows through what they choose. */
    static final Set<String> CUT_OPS = Set.of("ArgMax", "ArgMin", "GatherNd", "TopKV2", "Where",
            "NonMaxSuppressionV3", "NonMaxSuppressionV4", "NonMaxSuppressionV5", "SparseToDense");

    /** Loops and conditionals (TF1 control flow, tensor lists and arrays), read but never built. */
    static final Set<String> LOOP_OPS = Set.of("Enter", "Exit", "Switch", "Merge", "LoopCond", "NextIteration",
            "TensorListReserve", "TensorListFromTensor", "TensorListGetItem", "TensorListSetItem", "TensorListStack",
            "TensorArrayV3", "TensorArrayReadV3", "TensorArrayWriteV3", "TensorArrayGatherV3",
            "TensorArrayScatterV3", "TensorArraySizeV3");

    /** Values whose type says they are shapes, indices or masks rather than features. */
    private static final Set<String> NOT_FEATURES = Set.of("Shape", "Size", "Cast", "Const", "Placeholder", "Equal",
            "Less", "LessEqual", "Greater", "GreaterEqual");

    /** @param kept the node analysed instead; @param at the post-processing node that starts after it */
    record Cut(String kept, NodeDef at) {
    }

    private PostProcessing() {
    }

    private static boolean blocks(NodeDef n, Set<String> alsoBlocked) {
        return CUT_OPS.contains(n.getOp()) || LOOP_OPS.contains(n.getOp()) || alsoBlocked.contains(n.getName());
    }

    /**
     * Where to cut the graph computing {@code output}: null when no post-processing lies on its
     * path (nor any of {@code alsoBlocked}, nodes that mix a batch's examples); else the clean tensor that post-processing reads which the most of the network computes.
     */
    static Cut cut(GraphDef g, String output, Set<String> alsoBlocked) {
        Map<String, NodeDef> byName = new HashMap<>();
        g.getNodeList().forEach(n -> byName.put(n.getName(), n));
        Map<String, Set<String>> ancestors = new HashMap<>();
        Set<String> onPath = ancestry(output, byName, ancestors);
        NodeDef first = null;
        for (String a : onPath) {
            if (blocks(byName.get(a), alsoBlocked) && (first == null || ancestors.get(a).size() < ancestors.get(first.getName()).size())) {
                first = byName.get(a);
            }
        }
        if (first == null) {
            return null;
        }
        Set<String> features = features(g);
        String best = null;
        for (String a : onPath) {
            NodeDef n = byName.get(a);
            boolean clean = !blocks(n, alsoBlocked)
                    && ancestors.get(a).stream().noneMatch(x -> blocks(byName.get(x), alsoBlocked));
            boolean image = features.contains(a);
            if (clean && image && !NOT_FEATURES.contains(n.getOp()) && !n.getOp().equals("Identity")
                    && (best == null || ancestors.get(a).size() > ancestors.get(best).size())) {
                best = a;
            }
        }
        return new Cut(best, first);
    }

    /**
     * Of several outputs, the one to analyse when the user names none: one that no post-processing
     * computes, and of those the one that the most of the network computes.
     */
    static String main(GraphDef g, List<String> outputs) {
        Map<String, NodeDef> byName = new HashMap<>();
        g.getNodeList().forEach(n -> byName.put(n.getName(), n));
        Map<String, Set<String>> ancestors = new HashMap<>();
        String best = null;
        long bestScore = -1;
        for (String o : outputs) {
            Set<String> a = ancestry(o, byName, ancestors);
            boolean clean = a.stream().noneMatch(x -> byName.containsKey(x) && blocks(byName.get(x), Set.of()));
            long score = (clean ? 1L << 32 : 0) + a.size();
            if (score > bestScore) {
                best = o;
                bestScore = score;
            }
        }
        return best;
    }

    /** The nodes whose values depend on the image's values, not only on its shape. */
    private static Set<String> features(GraphDef g) {
        Set<String> features = new HashSet<>();
        g.getNodeList().stream().filter(n -> n.getOp().equals("Placeholder")).forEach(n -> features.add(n.getName()));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (NodeDef n : g.getNodeList()) {
                if (!features.contains(n.getName()) && !n.getOp().equals("Shape") && !n.getOp().equals("Size")
                        && n.getInputList().stream().anyMatch(i -> !i.startsWith("^")
                                && features.contains(GraphTranslator.source(i)))) {
                    grew = features.add(n.getName());
                }
            }
        }
        return features;
    }

    /** The nodes {@code node} depends on through data inputs, itself excluded; fills each one's own ancestry. */
    private static Set<String> ancestry(String node, Map<String, NodeDef> byName, Map<String, Set<String>> memo) {
        List<String> stack = new java.util.ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            String top = stack.get(stack.size() - 1);
            if (memo.containsKey(top) || !byName.containsKey(top)) {
                stack.remove(stack.size() - 1);
                memo.putIfAbsent(top, Set.of());
                continue;
            }
            List<String> ins = byName.get(top).getInputList().stream().filter(i -> !i.startsWith("^"))
                    .map(GraphTranslator::source).toList();
            List<String> missing = ins.stream().filter(i -> !memo.containsKey(i)).toList();
            if (missing.isEmpty() || missing.stream().allMatch(stack::contains)) {
                Set<String> all = new HashSet<>();
                for (String i : ins) {
                    // An input naming no node is the graph's damage, which translation reports.
                    if (byName.containsKey(i)) {
                        all.add(i);
                        all.addAll(memo.getOrDefault(i, Set.of()));
                    }
                }
                memo.put(top, all);
                stack.remove(stack.size() - 1);
            } else {
                missing.stream().filter(i -> !stack.contains(i)).forEach(stack::add);
            }
        }
        return memo.get(node);
    }
}
