package org.sieve.network.format.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a graph's differentiable part ends. Detectors and pose models often finish inside the
 * graph with post-processing (ArgMax, gathers, non-max suppression) or loops; none has a
 * gradient, so the analysed output is the last tensor the network computes before them. Works on
 * a format-neutral view of the graph (each reader says which role its ops play), so TensorFlow
 * and ONNX graphs are cut alike.
 */
public final class PostProcessing {

    /** What a node does, as far as choosing where to cut is concerned. */
    public enum Role {
        /** The image input: the source of every feature. */
        IMAGE,
        /** Reads only its input's shape (Shape, Size): its value does not depend on the image's values. */
        SHAPE,
        /** Constants, casts, comparisons and identities: never the tensor kept. */
        PLUMBING,
        /** Computes features differentiably. */
        COMPUTE,
        /** Picks, sorts or indexes values: no gradient. */
        POST_PROCESSING,
        /** A loop or a conditional. */
        CONTROL_FLOW
    }

    /**
     * One tensor-producing node: {@code inputs} name the nodes whose values it reads (data inputs
     * only); a name no node has (a weight, a missing node) is skipped.
     */
    public record Node(String name, Role role, String op, List<String> inputs) {

        boolean blocks(Set<String> alsoBlocked) {
            return role == Role.POST_PROCESSING || role == Role.CONTROL_FLOW || alsoBlocked.contains(name);
        }
    }

    /** @param kept the node analysed instead, null when none is clean; @param at the post-processing node that starts after it */
    public record Cut(String kept, Node at) {
    }

    private PostProcessing() {
    }

    /**
     * Where to cut the graph computing {@code output}: null when no post-processing lies on its
     * path (nor any of {@code alsoBlocked}, nodes that mix a batch's examples); else the clean
     * tensor that post-processing reads which the most of the network computes.
     */
    public static Cut cut(List<Node> graph, String output, Set<String> alsoBlocked) {
        Map<String, Node> byName = byName(graph);
        Map<String, Set<String>> ancestors = new HashMap<>();
        Set<String> onPath = new HashSet<>(ancestry(output, byName, ancestors));
        if (byName.containsKey(output)) {
            onPath.add(output);
        }
        Node first = null;
        for (String a : onPath) {
            if (byName.get(a).blocks(alsoBlocked)
                    && (first == null || ancestors.get(a).size() < ancestors.get(first.name()).size())) {
                first = byName.get(a);
            }
        }
        if (first == null) {
            return null;
        }
        Set<String> features = features(graph);
        String best = null;
        for (String a : onPath) {
            Node n = byName.get(a);
            boolean clean = !n.blocks(alsoBlocked)
                    && ancestors.get(a).stream().noneMatch(x -> byName.get(x).blocks(alsoBlocked));
            if (clean && features.contains(a) && n.role() == Role.COMPUTE
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
    public static String main(List<Node> graph, List<String> outputs) {
        Map<String, Node> byName = byName(graph);
        Map<String, Set<String>> ancestors = new HashMap<>();
        String best = null;
        long bestScore = -1;
        for (String o : outputs) {
            Set<String> a = ancestry(o, byName, ancestors);
            boolean clean = Stream.concat(a.stream(), Stream.of(o))
                    .noneMatch(x -> byName.containsKey(x) && byName.get(x).blocks(Set.of()));
            long score = (clean ? 1L << 32 : 0) + a.size();
            if (score > bestScore) {
                best = o;
                bestScore = score;
            }
        }
        return best;
    }

    /** The nodes that {@code output} depends on, itself included: what must be built to compute it. */
    public static Set<String> path(List<Node> graph, String output) {
        Map<String, Node> byName = byName(graph);
        Set<String> path = new HashSet<>(ancestry(output, byName, new HashMap<>()));
        path.add(output);
        return path;
    }

    /** The kind of computation a blocking node is, in a user's words; null for a node that computes. */
    public static String describe(Role role) {
        return switch (role) {
            case CONTROL_FLOW -> "part of a loop or a conditional inside the graph";
            case POST_PROCESSING -> "post-processing that picks or sorts values, which has no gradient";
            default -> null;
        };
    }

    /** Why {@code chosen} cannot be analysed as it is. */
    private static String reason(String file, String chosen, Cut cut) {
        return "Model " + file + ": output '" + chosen + "' is computed through node '" + cut.at().name() + "' ("
                + cut.at().op() + "), " + describe(cut.at().role());
    }

    /**
     * The refusal when the user named an output that post-processing computes, or nothing before it
     * is clean; {@code option} is how the user names another tensor.
     */
    public static String refusal(String file, String chosen, Cut cut, String option) {
        return reason(file, chosen, cut) + ". Sieve follows gradients, so this is Sieve's limit, not the file's fault;"
                + " name one before it with " + option + ".";
    }

    /** The note when the output was cut automatically. */
    public static String note(String file, String chosen, Cut cut, String option) {
        return reason(file, chosen, cut) + "; Sieve analyses '" + cut.kept() + "', the last tensor the network"
                + " computes before it (choose another with " + option + ").";
    }

    private static Map<String, Node> byName(List<Node> graph) {
        Map<String, Node> byName = new HashMap<>();
        graph.forEach(n -> byName.put(n.name(), n));
        return byName;
    }

    /** The nodes whose values depend on the image's values, not only on its shape. */
    private static Set<String> features(List<Node> graph) {
        Set<String> features = new HashSet<>();
        graph.stream().filter(n -> n.role() == Role.IMAGE).forEach(n -> features.add(n.name()));
        for (boolean grew = true; grew; ) {
            grew = false;
            for (Node n : graph) {
                if (!features.contains(n.name()) && n.role() != Role.SHAPE
                        && n.inputs().stream().anyMatch(features::contains)) {
                    grew = features.add(n.name());
                }
            }
        }
        return features;
    }

    /** The nodes {@code node} depends on through data inputs, itself excluded; fills each one's own ancestry. */
    private static Set<String> ancestry(String node, Map<String, Node> byName, Map<String, Set<String>> memo) {
        List<String> stack = new ArrayList<>(List.of(node));
        while (!stack.isEmpty()) {
            String top = stack.get(stack.size() - 1);
            if (memo.containsKey(top) || !byName.containsKey(top)) {
                stack.remove(stack.size() - 1);
                memo.putIfAbsent(top, Set.of());
                continue;
            }
            // An input naming no node is a weight, or the graph's damage, which translation reports.
            List<String> ins = byName.get(top).inputs().stream().filter(byName::containsKey).toList();
            List<String> missing = ins.stream().filter(i -> !memo.containsKey(i)).toList();
            if (missing.isEmpty() || missing.stream().allMatch(stack::contains)) {
                Set<String> all = new HashSet<>();
                for (String i : ins) {
                    all.add(i);
                    all.addAll(memo.getOrDefault(i, Set.of()));
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
