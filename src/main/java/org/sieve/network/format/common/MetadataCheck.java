package org.sieve.network.format.common;

import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.sieve.SieveException;
import org.sieve.image.ModelInput;
import org.sieve.io.SafeNames;
import org.sieve.model.ModelKind;
import org.sieve.model.ModelMetadata;
import org.sieve.model.PixelNormalization;
import org.sieve.network.ActivationLayer;
import org.sieve.network.Dense;
import org.sieve.network.Dropout;
import org.sieve.network.InputLayer;
import org.sieve.network.Layer;
import org.sieve.network.Network;

/** Checks that sieve.json agrees with the network it describes, before loading or saving. */
public final class MetadataCheck {

    private MetadataCheck() {
    }

    /** Fails naming {@code file} and the field when the metadata disagrees with the network. */
    public static void check(ModelMetadata m, Network network, Path file) {
        InputLayer in = network.input();
        if (m.id().isBlank()) {
            throw bad(file, "id is empty; give the model a short name such as \"lenet5-mnist\"");
        }
        if (!SafeNames.isSafe(m.id())) {
            throw bad(file, "id " + quoted(m.id()) + " may hold only letters, digits, '.', '_' and '-', not start"
                    + " with '.' and have at most 100 characters (it names result folders); e.g. \"lenet5-mnist\"");
        }
        checkOneLine(file, "name", m.name());
        for (int i = 0; i < m.labels().size(); i++) {
            checkOneLine(file, "labels[" + i + "]", m.labels().get(i));
        }
        if (!m.input().equals(new ModelInput(in.height(), in.width(), in.channels()))) {
            throw bad(file, "inputHeight x inputWidth x inputChannels is " + m.input() + " but model.json's input"
                    + " layer '" + in.name() + "' takes "
                    + in.height() + "x" + in.width() + "x" + in.channels() + "; fix the sizes or remove them");
        }
        checkPerChannel(file, "normalizationMean", m.normalizationMean(), in.channels(), false);
        checkPerChannel(file, "normalizationStd", m.normalizationStd(), in.channels(), true);
        for (int c = 0; c < in.channels(); c++) {
            String problem = PixelNormalization.degenerate(m.normalizationMean()[c], m.normalizationStd()[c]);
            if (problem != null) {
                throw bad(file, "normalizationMean[" + c + "] = " + m.normalizationMean()[c] + " with normalizationStd["
                        + c + "] = " + m.normalizationStd()[c] + " is unusable: " + problem + "; give the spread the"
                        + " network was trained with");
            }
        }
        checkKind(m, network, file);
        OptionalInt units = outputUnits(network);
        if (m.kind().type() == ModelKind.Type.CLASSIFIER && !m.labels().isEmpty() && units.isPresent() && m.labels().size() != units.getAsInt()) {
            throw bad(file, "labels has " + m.labels().size() + " entries but output layer '" + network.output().name()
                    + "' has " + units.getAsInt() + " units; give one label per unit, or none");
        }
        int[] grid = m.sigmaGrid();
        if (grid != null && (grid.length != 2 || grid[0] < 1 || grid[1] < 1 || grid[0] > in.height()
                || grid[1] > in.width())) {
            throw bad(file, "sigmaGrid must be [rows, columns], each from 1 to the input size (" + in.height() + "x"
                    + in.width() + "), e.g. [" + in.height() + ", " + in.width() + "]");
        }
        Double acc = m.testAccuracy();
        if (acc != null && !(acc >= 0 && acc <= 1)) {
            throw bad(file, "testAccuracy is " + acc + " but must be a fraction from 0 to 1, e.g. 0.991 for 99.1%");
        }
        if (m.parameters() < 0) {
            throw bad(file, "parameters is " + m.parameters() + " but must not be negative");
        }
    }

    /** Names and labels are shown in one line of a table, a title or a terminal: no control character at all. */
    private static void checkOneLine(Path file, String field, String text) {
        if (text != null && text.chars().anyMatch(Character::isISOControl)) {
            throw bad(file, field + " " + quoted(text) + " holds a control character (a line break, tab or terminal"
                    + " escape); give it as one line of plain text");
        }
    }

    private static void checkKind(ModelMetadata m, Network network, Path file) {
        ModelKind kind = m.kind();
        if (kind.type() == ModelKind.Type.FEATURE_EXTRACTOR && !m.labels().isEmpty()) {
            throw bad(file, "labels are given but kind is \"feature-extractor\", which predicts no classes; remove"
                    + " the labels or change the kind");
        }
        if (kind.scoresOutput() != null && network.layers().stream().noneMatch(
                l -> l.name().equals(kind.scoresOutput()) && !(l instanceof InputLayer))) {
            throw bad(file, "scoresOutput names layer '" + kind.scoresOutput() + "', which the network does not have;"
                    + " name the layer whose output holds a score per position and class");
        }
    }

    private static void checkPerChannel(Path file, String field, float[] values, int channels, boolean positive) {
        if (values.length != channels) {
            throw bad(file, field + " has " + values.length + " values but the model takes " + channels
                    + " channel(s); give one value per channel");
        }
        for (int c = 0; c < channels; c++) {
            if (!Float.isFinite(values[c]) || positive && values[c] <= 0) {
                throw bad(file, field + "[" + c + "] is " + values[c] + " but must be a "
                        + (positive ? "number > 0" : "finite number"));
            }
        }
    }

    /** The output layer's units when it is a Dense layer, possibly behind activations or dropout. */
    private static OptionalInt outputUnits(Network network) {
        Layer layer = network.output();
        while (layer instanceof ActivationLayer || layer instanceof Dropout) {
            String input = layer.inputs().get(0);
            layer = network.layers().stream().filter(l -> l.name().equals(input)).findFirst().orElseThrow();
        }
        return layer instanceof Dense d ? OptionalInt.of(d.units()) : OptionalInt.empty();
    }

    /** A value from the file, quoted and with control characters escaped so it cannot drive the terminal. */
    public static String quoted(String value) {
        // JSON escapes the C0 controls; DEL and the C1 controls (a terminal's CSI among them) are escaped after.
        return NodeNames.escaped(new JsonPrimitive(value).toString());
    }

    public static SieveException bad(Path file, String what) {
        return new SieveException(file + ": " + what + ".");
    }
}
