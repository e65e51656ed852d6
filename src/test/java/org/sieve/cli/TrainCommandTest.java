package org.sieve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.train.TestData;

/** {@code sieve train}'s technique options: recorded in sieve.json, listed by {@code sieve models}, checked. */
@Tag("slow")
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void aDistilledVariantRecordsItsTeacherParametersAndBaselineAndIsListed() throws IOException {
        Path data = TestData.tinyMnist(dir);
        Path models = dir.resolve("models");
        MainTest.Outcome run = MainTest.sieve("train", "--arch", "lenet5", "--dataset", "mnist", "--epochs", "1",
                "--data", data.toString(), "--out", models.resolve("student").toString(), "--distill-from",
                "lenet5-mnist", "--temperature", "3", "--alpha", "0.5", "--baseline", "lenet5-mnist");
        assertEquals(0, run.status(), run.err());

        JsonObject training = JsonParser.parseString(Files.readString(models.resolve("student").resolve("sieve.json")))
                .getAsJsonObject().getAsJsonObject("training");
        JsonObject technique = training.getAsJsonObject("technique");
        assertEquals("distillation", technique.get("name").getAsString());
        assertEquals("lenet5-mnist", technique.get("teacher").getAsString());
        assertEquals(3f, technique.get("temperature").getAsFloat());
        assertEquals(0.5f, technique.get("alpha").getAsFloat());
        assertEquals("lenet5-mnist", training.get("baseline").getAsString());

        MainTest.Outcome table = MainTest.sieve("models", "--model-dir", models.toString());
        String row = table.out().lines().filter(l -> l.startsWith("student ")).findFirst().orElseThrow();
        assertTrue(row.contains("distillation vs lenet5-mnist") && row.contains("distilled from lenet5-mnist"), row);
        JsonArray list = JsonParser.parseString(MainTest.sieve("models", "--model-dir", models.toString(), "--json")
                .out()).getAsJsonArray();
        JsonObject student = list.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("id").getAsString().equals("student")).findFirst().orElseThrow();
        assertEquals("distillation", student.getAsJsonObject("technique").get("name").getAsString());
    }

    @Test
    void techniqueOptionsAreCheckedBeforeTraining() {
        String out = dir.resolve("m").toString();
        assertRefused("Choose one technique", "--prune", "0.9", "--adversarial", "pgd", "--baseline", "lenet5-mnist");
        assertRefused("--temperature goes with --distill-from", "--temperature", "2");
        assertRefused("--pgd-steps goes with --adversarial", "--pgd-steps", "3");
        assertRefused("only pgd", "--adversarial", "fgsm");
        assertRefused("not 1.5", "--prune", "1.5", "--baseline", "lenet5-mnist");
        assertRefused("--baseline", "--prune", "0.9");
        assertRefused("'no-such-model'", "--distill-from", "no-such-model");
        assertTrue(Files.notExists(Path.of(out)));
    }

    private void assertRefused(String message, String... options) {
        String[] args = new String[8 + options.length];
        String[] base = {"train", "--arch", "lenet5", "--dataset", "mnist", "--out", dir.resolve("m").toString(),
            "--epochs=1"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        MainTest.Outcome r = MainTest.sieve(args);
        assertTrue(r.status() != 0 && r.err().contains(message), r.status() + ": " + r.err());
    }
}
