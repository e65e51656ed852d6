package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sieve.SieveException;
import org.sieve.network.GraphOp;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;

/** A TensorFlowOp layer in model.json is data: written and read back as it was, and only ops that compute are built. */
class GraphOpJsonTest {

    private static GraphOp pad() {
        return new GraphOp("pad", List.of("x"), "PadV2", Map.of("T", AttrValue.newBuilder().setType(DataType.DT_FLOAT)
                .build()), List.of(GraphOp.Arg.layer(0), GraphOp.Arg.constant(new long[] {4, 2}, DataType.DT_INT32,
                        new long[] {0, 0, 1, 1, 1, 1, 0, 8}), GraphOp.Arg.weight("c2", new long[0])), 0);
    }

    @Test
    void writesAndReadsBackTheSameOp() {
        JsonObject c = new JsonObject();
        GraphOpJson.write(pad(), c);
        GraphOp back = GraphOpJson.read(new KerasConfig(c, "m.json", "pad", GraphOpJson.CLASS), List.of("x"));
        assertEquals(pad(), back);
        assertEquals(List.of("c2"), GraphOpJson.weights(back));
    }

    @Test
    void anOpThatDoesMoreThanComputeIsRefusedWhenRead() {
        JsonObject c = new JsonObject();
        GraphOpJson.write(pad(), c);
        c.addProperty("op", "WriteFile");
        SieveException e = assertThrows(SieveException.class,
                () -> GraphOpJson.read(new KerasConfig(c, "m.json", "pad", GraphOpJson.CLASS), List.of("x")));
        assertEquals(SieveException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("'WriteFile', which is not among the ops Sieve computes"), e.getMessage());
        assertThrows(SieveException.class, () -> new GraphOp("f", List.of(), "ReadFile", Map.of(), List.of(), 0));
    }

    @Test
    void anOperandReadingAMissingInputIsRefused() {
        JsonObject c = new JsonObject();
        GraphOpJson.write(pad(), c);
        SieveException e = assertThrows(SieveException.class,
                () -> GraphOpJson.read(new KerasConfig(c, "m.json", "pad", GraphOpJson.CLASS), List.of()));
        assertTrue(e.getMessage().contains("reads input 0 of 0"), e.getMessage());
    }
}
