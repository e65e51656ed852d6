package org.sieve.train;

import static org.sieve.network.Activation.LINEAR;
import static org.sieve.network.Activation.RELU;

import java.util.List;
import org.sieve.SieveException;
import org.sieve.network.Network;

/**
 * Classic CNN families scaled down for 28x28 grey images, so that each trains in minutes on a
 * laptop CPU while keeping the structure that makes it what it is. The networks come without
 * weights; logits are linear (the loss applies the softmax).
 */
public final class Architectures {

    public static final List<String> NAMES = List.of("lenet5", "alexnet", "vgg", "resnet", "mlp");

    private Architectures() {
    }

    public static Network build(String arch, int height, int width, int channels, int classes) {
        LayerStack s = new LayerStack(height, width, channels);
        switch (arch) {
            case "lenet5" -> lenet5(s);
            case "alexnet" -> alexnet(s);
            case "vgg" -> vgg(s);
            case "resnet" -> resnet(s);
            case "mlp" -> mlp(s);
            default -> throw unknown(arch);
        }
        return s.dense("logits", classes, LINEAR).network();
    }

    /** The display name of a family, e.g. "LeNet-5". */
    public static String displayName(String arch) {
        return switch (arch) {
            case "lenet5" -> "LeNet-5";
            case "alexnet" -> "AlexNet-style CNN";
            case "vgg" -> "VGG-style CNN";
            case "resnet" -> "ResNet-style CNN";
            case "mlp" -> "MLP";
            default -> throw unknown(arch);
        };
    }

    private static SieveException unknown(String arch) {
        return new SieveException("Unknown architecture '" + arch + "'; use one of " + String.join(", ", NAMES) + ".");
    }

    /** LeCun et al. 1998 with ReLU and max pooling; the first convolution pads so 28x28 acts like 32x32. */
    private static void lenet5(LayerStack s) {
        s.conv("conv1", 6, 5, 1, true, RELU).maxPool("pool1", 2, 2)
                .convValid("conv2", 16, 5, RELU).maxPool("pool2", 2, 2)
                .flatten("flatten").dense("fc1", 120, RELU).dense("fc2", 84, RELU);
    }

    /**
     * Krizhevsky et al. 2012 in miniature: a large first kernel, overlapping 3x3/2 max pooling,
     * three stacked 3x3 convolutions and two wide dropout-regularised fully connected layers.
     */
    private static void alexnet(LayerStack s) {
        s.conv("conv1", 32, 7, 1, true, RELU).maxPool("pool1", 3, 2)
                .conv("conv2", 64, 5, 1, true, RELU).maxPool("pool2", 3, 2)
                .conv("conv3", 96, 3, 1, true, RELU)
                .conv("conv4", 96, 3, 1, true, RELU)
                .conv("conv5", 64, 3, 1, true, RELU).maxPool("pool5", 3, 2)
                .flatten("flatten")
                .dense("fc1", 1024, RELU).dropout("dropout1", 0.5f)
                .dense("fc2", 1024, RELU).dropout("dropout2", 0.5f);
    }

    /** Simonyan and Zisserman 2014: blocks of two 3x3 convolutions, doubling width after each pooling. */
    private static void vgg(LayerStack s) {
        int filters = 32;
        for (int block = 1; block <= 3; block++, filters *= 2) {
            String b = "block" + block;
            for (int i = 1; i <= 2; i++) {
                s.conv(b + ".conv" + i, filters, 3, 1, false, LINEAR).batchNorm(b + ".bn" + i).relu(b + ".relu" + i);
            }
            s.maxPool(b + ".pool", 2, 2);
        }
        s.flatten("flatten").dense("fc1", 256, RELU).dropout("dropout1", 0.5f);
    }

    /**
     * He et al. 2016 at ResNet-14 depth: a stem, then two basic residual blocks per width. The
     * first block of each wider stage halves the resolution and projects its shortcut; all
     * others keep the identity shortcut.
     */
    private static void resnet(LayerStack s) {
        s.conv("stem.conv", 16, 3, 1, false, LINEAR).batchNorm("stem.bn").relu("stem.relu");
        int block = 1;
        for (int filters = 16; filters <= 64; filters *= 2) {
            for (int i = 0; i < 2; i++) {
                residualBlock(s, "block" + block++, filters, filters > 16 && i == 0 ? 2 : 1);
            }
        }
        s.globalAveragePool("avgpool");
    }

    private static void residualBlock(LayerStack s, String b, int filters, int stride) {
        String input = s.last();
        s.conv(b + ".conv1", filters, 3, stride, false, LINEAR).batchNorm(b + ".bn1").relu(b + ".relu1")
                .conv(b + ".conv2", filters, 3, 1, false, LINEAR).batchNorm(b + ".bn2");
        String residual = s.last();
        String shortcut = input;
        if (stride != 1) {
            shortcut = s.from(input).conv(b + ".shortcut.conv", filters, 1, stride, false, LINEAR)
                    .batchNorm(b + ".shortcut.bn").last();
        }
        s.sum(b + ".add", residual, shortcut).relu(b + ".relu");
    }

    /** A plain multilayer perceptron, the baseline without any spatial structure. */
    private static void mlp(LayerStack s) {
        s.flatten("flatten").dense("fc1", 256, RELU).dense("fc2", 128, RELU);
    }
}
