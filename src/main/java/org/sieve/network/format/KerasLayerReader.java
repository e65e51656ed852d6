package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.sieve.SieveException;
import org.sieve.io.JsonValues;
import org.sieve.io.Sizes;
import org.sieve.model.Model;
import org.sieve.network.Activation;
import org.sieve.network.ActivationLayer;
import org.sieve.network.BatchNormalization;
import org.sieve.network.Conv2D;
import org.sieve.network.Dense;
import org.sieve.network.DepthwiseConv2D;
import org.sieve.network.Dropout;
import org.sieve.network.GlobalPooling2D;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Merge;
import org.sieve.network.Normalization;
import org.sieve.network.OpGraphLayer;
import org.sieve.network.Permute;
import org.sieve.network.PRelu;
import org.sieve.network.Pooling2D;
import org.sieve.network.Rescaling;
import org.sieve.network.Reshape;
import org.sieve.network.Resizing;
import org.sieve.network.ZeroPadding2D;

/**
 * Turns one Keras layer (class name and config) into a Sieve layer. Only values are read from
 * the config; nothing in it is ever evaluated, so unknown classes are refused, not guessed.
 */
final class KerasLayerReader {

    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "DepthwiseConv2D", "Dense",
            "BatchNormalization", "Activation", "ReLU", "LeakyReLU", "Softmax", "MaxPooling2D",
            "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D", "Flatten", "Reshape", "Add",
            "Multiply", "Concatenate", "Subtract", "Divide", "Permute", "PReLU", "ZeroPadding2D", "Dropout", "SpatialDropout2D", "Rescaling",
            "Normalization", "Resizing", OpGraphLayer.KIND, OpGraphJson.SINGLE_OP_CLASS);

    /** Models used as layers inside a model; their layers are read in their place. */
    static final List<String> NESTED_MODELS = List.of("Functional", "Model", "Sequential");

    /** Keras' default slope for the LeakyReLU layer (the "leaky_relu" string defaults differently). */
    private static final float LEAKY_RELU_LAYER_ALPHA = 0.3f;

    private KerasLayerReader() {
    }

    static Layer read(String className, KerasConfig c, List<String> inputs, String model) {
        if (!SUPPORTED.contains(className)) {
            throw unsupported(className, c.layer(), model);
        }
        checkInputCount(className, c, inputs);
        String name = c.layer();
        return switch (className) {
            case "InputLayer" -> input(c);
            case "Conv2D" -> conv(c, inputs);
            case "DepthwiseConv2D" -> depthwise(c, inputs);
            case "Dense" -> new Dense(name, inputs, c.count("units"), c.flag("use_bias", true), c.activation());
            case "BatchNormalization" -> batchNorm(c, inputs);
            case "Activation" -> new ActivationLayer(name, inputs, c.activation(),
                    c.number("slope", c.activation().defaultParameter()));
            case "ReLU" -> relu(c, inputs);
            case "LeakyReLU" -> new ActivationLayer(name, inputs, Activation.LEAKY_RELU,
                    c.number("alpha", c.number("negative_slope", LEAKY_RELU_LAYER_ALPHA)));
            case "Softmax" -> softmax(c, inputs);
            case "MaxPooling2D", "AveragePooling2D" -> pooling(className.startsWith("Max"), c, inputs);
            case "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> globalPooling(className.contains("Max"), c, inputs);
            case "Flatten" -> {
                c.requireChannelsLast();
                yield Reshape.flatten(name, inputs);
            }
            case "Reshape" -> reshape(c, inputs);
            case "Add" -> new Merge(name, inputs, Merge.Mode.ADD, -1);
            case "Multiply" -> new Merge(name, inputs, Merge.Mode.MULTIPLY, -1);
            case "Concatenate" -> new Merge(name, inputs, Merge.Mode.CONCATENATE, c.axis(-1));
            case "Subtract" -> new Merge(name, inputs, Merge.Mode.SUBTRACT, -1);
            case "Divide" -> new Merge(name, inputs, Merge.Mode.DIVIDE, -1);
            case "Permute" -> permute(c, inputs);
            case "PReLU" -> prelu(c, inputs);
            case "ZeroPadding2D" -> zeroPadding(c, inputs);
            case "Dropout", "SpatialDropout2D" -> new Dropout(name, inputs, c.number("rate", 0f));
            case "Rescaling" -> new Rescaling(name, inputs, c.number("scale", 1f), c.number("offset", 0f));
            case "Normalization" -> normalization(c, inputs);
            case "Resizing" -> resizing(c, inputs);
            case OpGraphLayer.KIND -> OpGraphJson.read(c, inputs);
            case OpGraphJson.SINGLE_OP_CLASS -> OpGraphJson.readSingleOp(c, inputs);
            default -> throw new IllegalStateException("unhandled supported class " + className);
        };
    }

    /**
     * Refuses, wherever the layer sits and whether or not it is connected, anything but Keras'
     * own layer classes: Lambda layers hold Python code, custom objects name code Sieve lacks.
     *
     * @param entry the layer's entry in the config (class_name, module, registered_name, config)
     */
    static void checkAllowed(String className, JsonObject entry, String layer, String model) {
        JsonElement registered = entry.get("registered_name");
        JsonElement module = entry.get("module");
        boolean custom = registered != null && registered.isJsonPrimitive() && !registered.getAsString().equals(className)
                || module != null && module.isJsonPrimitive() && !module.getAsString().startsWith("keras");
        if (className.equals("Lambda") || custom) {
            throw new SieveException("Model " + model + ": layer '" + layer + "' is "
                    + (custom ? "a custom object '" + (registered != null && registered.isJsonPrimitive()
                            ? registered.getAsString() : className) + "'" : "a Lambda layer")
                    + " (Python code), which Sieve never runs. Rebuild the model from Keras' built-in layers.");
        }
        if (className.equals(OpGraphJson.RETIRED_CLASS)) {
            throw OpGraphJson.retired(layer, model);
        }
        if (!SUPPORTED.contains(className) && !NESTED_MODELS.contains(className)) {
            throw unsupported(className, layer, model);
        }
    }

    private static SieveException unsupported(String className, String layer, String model) {
        return new SieveException("Model " + model + ": layer '" + layer + "' has type '" + className
                + "', which Sieve does not support. Supported types: " + String.join(", ", SUPPORTED) + ".");
    }

    private static void checkInputCount(String className, KerasConfig c, List<String> inputs) {
        if (className.equals(OpGraphLayer.KIND) || className.equals(OpGraphJson.SINGLE_OP_CLASS)) {
            return;
        }
        boolean merge = className.equals("Add") || className.equals("Multiply") || className.equals("Concatenate");
        boolean pair = className.equals("Subtract") || className.equals("Divide");
        int expected = className.equals("InputLayer") ? 0 : pair ? 2 : 1;
        if (merge ? inputs.size() < 2 : inputs.size() != expected) {
            throw c.invalid("has " + inputs.size() + " inputs " + inputs + " but takes "
                    + (merge ? "two or more" : String.valueOf(expected)));
        }
    }

    /** An image input: [batch, height, width, channels] with the three sizes known. */
    private static InputLayer input(KerasConfig c) {
        JsonElement shape = c.get("batch_input_shape") != null ? c.get("batch_input_shape") : c.get("batch_shape");
        if (shape == null || !shape.isJsonArray()) {
            throw c.invalid("declares no batch_input_shape (or batch_shape)");
        }
        JsonArray dims = shape.getAsJsonArray();
        if (dims.size() != 4) {
            throw c.unsupported("takes input of shape " + dims + "; Sieve analyses images,"
                    + " [batch, height, width, channels] with known sizes");
        }
        long[] maxima = {InputLayer.MAX_SIDE, InputLayer.MAX_SIDE, InputLayer.MAX_CHANNELS};
        int[] sizes = new int[3];
        Supplier<SieveException> tooBig = () -> c.unsupported("takes input of shape " + dims + "; Sieve analyses"
                + " inputs of known sizes up to " + InputLayer.MAX_SIDE + "x" + InputLayer.MAX_SIDE + " pixels, "
                + InputLayer.MAX_CHANNELS + " channels and " + InputLayer.MAX_VALUES + " values");
        for (int i = 0; i < 3; i++) {
            if (JsonValues.whole(dims.get(i + 1), Long.MIN_VALUE, 0).isPresent()) {
                throw c.invalid("takes input of shape " + dims + ", whose height, width and channels must each be at"
                        + " least 1");
            }
            sizes[i] = (int) JsonValues.whole(dims.get(i + 1), 1, maxima[i]).orElseThrow(tooBig);
        }
        Sizes.productAtMost(InputLayer.MAX_VALUES, sizes[0], sizes[1], sizes[2]).orElseThrow(tooBig);
        return new InputLayer(c.layer(), sizes[0], sizes[1], sizes[2]);
    }

    private static Conv2D conv(KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        if (c.integer("groups", 1) != 1) {
            throw c.unsupported("uses grouped convolution (groups = " + c.integer("groups") + ")");
        }
        return new Conv2D(c.layer(), inputs, c.count("filters"), c.sizes("kernel_size", null),
                c.sizes("strides", new int[] {1, 1}), c.padding(), c.sizes("dilation_rate", new int[] {1, 1}),
                c.flag("use_bias", true), c.activation());
    }

    private static DepthwiseConv2D depthwise(KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        int[] dilation = c.sizes("dilation_rate", new int[] {1, 1});
        if (dilation[0] != 1 || dilation[1] != 1) {
            throw c.unsupported("uses dilation_rate [" + dilation[0] + ", " + dilation[1]
                    + "]; Sieve's DepthwiseConv2D supports [1, 1] only");
        }
        return new DepthwiseConv2D(c.layer(), inputs, c.sizes("kernel_size", null),
                c.sizes("strides", new int[] {1, 1}), c.padding(), c.count("depth_multiplier", 1),
                c.flag("use_bias", true), c.activation());
    }

    private static BatchNormalization batchNorm(KerasConfig c, List<String> inputs) {
        int axis = c.axis(-1);
        if (axis != -1 && axis != 3) {
            throw c.unsupported("normalises over axis " + axis + "; Sieve supports the channel axis (-1 or 3) only");
        }
        return new BatchNormalization(c.layer(), inputs, c.number("epsilon", 1e-3f), c.number("momentum", 0.99f),
                c.flag("center", true), c.flag("scale", true));
    }

    /** The "leaky_relu" string has no slope of its own; Keras 3 gives it 0.2. */
    private static ActivationLayer activation(String name, List<String> inputs, Activation a) {
        return new ActivationLayer(name, inputs, a, Activation.DEFAULT_LEAKY_ALPHA);
    }

    private static ActivationLayer relu(KerasConfig c, List<String> inputs) {
        float slope = c.number("negative_slope", 0f);
        JsonElement max = c.get("max_value");
        if (c.number("threshold", 0f) != 0f) {
            throw c.unsupported("uses threshold " + c.number("threshold", 0f) + "; Sieve supports threshold 0 only");
        }
        if (max == null) {
            return slope > 0 ? new ActivationLayer(c.layer(), inputs, Activation.LEAKY_RELU, slope)
                    : activation(c.layer(), inputs, Activation.RELU);
        }
        if (c.number("max_value", 0f) != 6f || slope != 0f) {
            throw c.unsupported("uses max_value " + max + " with negative_slope " + slope
                    + "; Sieve supports ReLU, ReLU6 (max_value 6) and leaky ReLU");
        }
        return activation(c.layer(), inputs, Activation.RELU6);
    }

    private static ActivationLayer softmax(KerasConfig c, List<String> inputs) {
        int axis = c.axis(-1);
        if (axis != -1) {
            throw c.unsupported("applies softmax over axis " + axis + "; Sieve supports the last axis (-1) only");
        }
        return activation(c.layer(), inputs, Activation.SOFTMAX);
    }

    private static Pooling2D pooling(boolean max, KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        int[] pool = c.sizes("pool_size", new int[] {2, 2});
        return new Pooling2D(c.layer(), inputs, max, pool, c.sizes("strides", pool), c.padding());
    }

    private static GlobalPooling2D globalPooling(boolean max, KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        return new GlobalPooling2D(c.layer(), inputs, max, c.flag("keepdims", false));
    }

    private static Reshape reshape(KerasConfig c, List<String> inputs) {
        int[] target = c.ints("target_shape");
        for (int d : target) {
            if (d <= 0) {
                throw c.unsupported("reshapes to " + Arrays.toString(target)
                        + "; Sieve needs every target size given explicitly");
            }
        }
        return new Reshape(c.layer(), inputs, target);
    }

    /** One slope per channel: every axis but the channels shared (Sieve stores alpha per channel). */
    private static PRelu prelu(KerasConfig c, List<String> inputs) {
        JsonElement shared = c.get("shared_axes");
        int[] axes = shared == null || shared.isJsonNull() ? new int[0] : c.ints("shared_axes");
        Arrays.sort(axes);
        if (!Arrays.equals(axes, new int[] {1, 2}) && axes.length != 0) {
            throw c.unsupported("shares its slopes over axes " + Arrays.toString(axes)
                    + "; Sieve supports one slope per channel (shared_axes [1, 2])");
        }
        return new PRelu(c.layer(), inputs);
    }

    /** Keras' dims: a permutation of 1..rank-1 (the batch axis stays first). */
    private static Permute permute(KerasConfig c, List<String> inputs) {
        int[] dims = c.ints("dims");
        int[] sorted = dims.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i + 1) {
                throw c.invalid("has dims " + Arrays.toString(dims) + ", which is not a permutation of 1.." + dims.length);
            }
        }
        return new Permute(c.layer(), inputs, dims);
    }

    /** Keras accepts an int, a symmetric [rows, cols] pair, or [[top, bottom], [left, right]]. */
    private static ZeroPadding2D zeroPadding(KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        JsonElement p = c.get("padding");
        if (p != null && p.isJsonArray() && p.getAsJsonArray().size() == 2 && p.getAsJsonArray().get(0).isJsonArray()) {
            int[] rows = c.pair(p.getAsJsonArray().get(0), "padding");
            int[] cols = c.pair(p.getAsJsonArray().get(1), "padding");
            return new ZeroPadding2D(c.layer(), inputs, rows[0], rows[1], cols[0], cols[1]);
        }
        int[] sym = c.pair("padding", new int[] {1, 1});
        return new ZeroPadding2D(c.layer(), inputs, sym[0], sym[0], sym[1], sym[1]);
    }

    private static Resizing resizing(KerasConfig c, List<String> inputs) {
        c.requireChannelsLast();
        String interpolation = c.text("interpolation", "bilinear");
        if (!interpolation.equals("bilinear") && !interpolation.equals("nearest")) {
            throw c.unsupported("uses " + interpolation + " interpolation; Sieve supports bilinear and nearest");
        }
        if (c.flag("crop_to_aspect_ratio", false) || c.flag("pad_to_aspect_ratio", false)) {
            throw c.unsupported("crops or pads to the aspect ratio; Sieve supports plain resizing only");
        }
        boolean bilinear = interpolation.equals("bilinear");
        return new Resizing(c.layer(), inputs, c.count("height"), c.count("width"), bilinear,
                c.flag("half_pixel_centers", bilinear));
    }

    private static Normalization normalization(KerasConfig c, List<String> inputs) {
        int axis = c.axis(-1);
        if (axis != -1) {
            throw c.unsupported("normalises over axis " + axis + "; Sieve supports the channel axis (-1) only");
        }
        if (c.flag("invert", false)) {
            throw c.unsupported("inverts the normalisation (invert true)");
        }
        if (c.get("mean") != null || c.get("variance") != null) {
            throw c.unsupported("stores its mean and variance in the config; Sieve reads them from the weights."
                    + " Adapt the layer (Normalization.adapt) instead of passing mean and variance");
        }
        return new Normalization(c.layer(), inputs);
    }
}
