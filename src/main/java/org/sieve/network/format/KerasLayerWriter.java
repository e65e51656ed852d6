package org.sieve.network.format;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
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

/** Writes one Sieve layer as a Keras layer entry: {"class_name", "config"}. */
final class KerasLayerWriter {

    private KerasLayerWriter() {
    }

    static JsonObject write(Layer layer) {
        JsonObject c = new JsonObject();
        c.addProperty("name", layer.name());
        c.addProperty("trainable", true);
        c.addProperty("dtype", "float32");
        String className = layer.kind();
        if (layer instanceof InputLayer l) {
            JsonArray shape = new JsonArray();
            shape.add(JsonNull.INSTANCE);
            shape.add(l.height());
            shape.add(l.width());
            shape.add(l.channels());
            c.add("batch_input_shape", shape);
            c.addProperty("sparse", false);
            c.addProperty("ragged", false);
        } else if (layer instanceof Conv2D l) {
            c.addProperty("filters", l.filters());
            c.add("kernel_size", ints(l.kernel()));
            c.add("strides", ints(l.strides()));
            c.addProperty("padding", l.padding());
            c.addProperty("data_format", "channels_last");
            c.add("dilation_rate", ints(l.dilation()));
            c.addProperty("groups", 1);
            c.addProperty("activation", l.activation().kerasName());
            c.addProperty("use_bias", l.useBias());
        } else if (layer instanceof DepthwiseConv2D l) {
            c.add("kernel_size", ints(l.kernel()));
            c.add("strides", ints(l.strides()));
            c.addProperty("padding", l.padding());
            c.addProperty("data_format", "channels_last");
            c.add("dilation_rate", ints(new int[] {1, 1}));
            c.addProperty("depth_multiplier", l.depthMultiplier());
            c.addProperty("activation", l.activation().kerasName());
            c.addProperty("use_bias", l.useBias());
        } else if (layer instanceof Dense l) {
            c.addProperty("units", l.units());
            c.addProperty("activation", l.activation().kerasName());
            c.addProperty("use_bias", l.useBias());
        } else if (layer instanceof BatchNormalization l) {
            c.addProperty("axis", -1);
            c.addProperty("momentum", l.momentum());
            c.addProperty("epsilon", l.epsilon());
            c.addProperty("center", l.center());
            c.addProperty("scale", l.scale());
        } else if (layer instanceof ActivationLayer l) {
            className = activation(l, c);
        } else if (layer instanceof Pooling2D l) {
            c.add("pool_size", ints(l.pool()));
            c.add("strides", ints(l.strides()));
            c.addProperty("padding", l.padding());
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof GlobalPooling2D l) {
            c.addProperty("data_format", "channels_last");
            c.addProperty("keepdims", l.keepDims());
        } else if (layer instanceof Reshape l) {
            if (l.isFlatten()) {
                c.addProperty("data_format", "channels_last");
            } else {
                c.add("target_shape", ints(l.targetShape()));
            }
        } else if (layer instanceof Merge l) {
            if (l.mode() == Merge.Mode.CONCATENATE) {
                c.addProperty("axis", l.axis());
            }
        } else if (layer instanceof PRelu) {
            c.add("shared_axes", ints(new int[] {1, 2}));
        } else if (layer instanceof Permute l) {
            c.add("dims", ints(l.dims()));
        } else if (layer instanceof ZeroPadding2D l) {
            JsonArray padding = new JsonArray();
            padding.add(ints(new int[] {l.top(), l.bottom()}));
            padding.add(ints(new int[] {l.left(), l.right()}));
            c.add("padding", padding);
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof Dropout l) {
            c.addProperty("rate", l.rate());
        } else if (layer instanceof Rescaling l) {
            c.addProperty("scale", l.scale());
            c.addProperty("offset", l.offset());
        } else if (layer instanceof Resizing l) {
            c.addProperty("height", l.height());
            c.addProperty("width", l.width());
            c.addProperty("interpolation", l.interpolation());
            if (l.bilinear() && !l.halfPixelCenters()) {
                c.addProperty("half_pixel_centers", false);
            }
            c.addProperty("crop_to_aspect_ratio", false);
            c.addProperty("data_format", "channels_last");
        } else if (layer instanceof Normalization) {
            c.addProperty("axis", -1);
            c.addProperty("invert", false);
        } else if (layer instanceof OpGraphLayer l) {
            OpGraphJson.write(l, c);
        } else {
            throw new IllegalArgumentException("no Keras form for layer type " + layer.getClass());
        }
        JsonObject entry = new JsonObject();
        entry.addProperty("class_name", className);
        entry.add("config", c);
        return entry;
    }

    /** Keras' own layer classes for the activations that have one, so Keras and tfjs read them back. */
    private static String activation(ActivationLayer l, JsonObject c) {
        if (l.activation() == Activation.LEAKY_RELU) {
            c.addProperty("alpha", l.leakyAlpha());
            return "LeakyReLU";
        }
        if (l.activation() == Activation.RELU6) {
            c.addProperty("max_value", 6f);
            c.addProperty("negative_slope", 0f);
            c.addProperty("threshold", 0f);
            return "ReLU";
        }
        c.addProperty("activation", l.activation().kerasName());
        if (l.activation() == Activation.HARD_SIGMOID || l.activation() == Activation.HARD_SWISH) {
            c.addProperty("slope", l.leakyAlpha());
        }
        return "Activation";
    }

    private static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
