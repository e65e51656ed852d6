package org.sieve.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.network.Network;

/** Early stopping: an epoch counts as progress only when some decoder improves by 1 %; each keeps its best. */
class BestDecodersTest {

    private static Network decoder(int seed) {
        return DecoderArchitecture.build(new long[] {4, 4, seed + 1}, 8, 8, 1);
    }

    @Test
    void stopsCountingOnlyOnRealImprovementAndKeepsEachLayersBestEpoch() {
        BestDecoders best = new BestDecoders(List.of("a", "b"));
        Network a1 = decoder(1);
        Network a2 = decoder(2);
        Network b3 = decoder(3);
        best.offer(Map.of("a", a1, "b", decoder(4)), new double[] {0.10, 0.20});
        assertEquals(0, best.epochsWithoutImprovement());
        best.offer(Map.of("a", a2, "b", decoder(5)), new double[] {0.05, 0.21});
        assertEquals(0, best.epochsWithoutImprovement(), "a improved");
        best.offer(Map.of("a", decoder(6), "b", b3), new double[] {0.0499, 0.199});
        assertEquals(1, best.epochsWithoutImprovement(), "0.2 % and 0.5 % are no progress");
        best.offer(Map.of("a", decoder(7), "b", decoder(8)), new double[] {0.06, 0.25});
        assertEquals(2, best.epochsWithoutImprovement(), "worse is no progress either");
        var decoders = best.decoders(100);
        assertEquals(0.0499, decoders.get("a").heldOutMse(), "a slightly better epoch is still kept");
        assertSame(b3, decoders.get("b").network());
        assertEquals(List.of(0.20, 0.21, 0.199, 0.25), decoders.get("b").heldOutMseByEpoch());
        assertEquals(Map.of("a", 0.06, "b", 0.25), best.lastEpoch());
    }

    @Test
    void everyDecoderHasTheSameBlocksWhateverItsLayersResolution() {
        long full = DecoderArchitecture.build(new long[] {28, 28, 6}, 28, 28, 1).layers().stream()
                .filter(l -> l.name().endsWith(".add")).count();
        long small = DecoderArchitecture.build(new long[] {4, 4, 16}, 28, 28, 1).layers().stream()
                .filter(l -> l.name().endsWith(".add")).count();
        long vector = DecoderArchitecture.build(new long[] {120}, 28, 28, 1).layers().stream()
                .filter(l -> l.name().endsWith(".add")).count();
        assertEquals(DecoderArchitecture.BLOCKS, full);
        assertEquals(DecoderArchitecture.BLOCKS, small);
        assertEquals(DecoderArchitecture.BLOCKS, vector);
        long tiny = DecoderArchitecture.build(new long[] {1, 1, 8}, 224, 224, 3).layers().stream()
                .filter(l -> l.name().endsWith(".add")).count();
        assertEquals(8, tiny, "1 to 224 takes 8 doublings, one block each");
    }
}
