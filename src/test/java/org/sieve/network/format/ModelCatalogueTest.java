package org.sieve.network.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sieve.SieveException;
import org.sieve.model.Model;
import org.sieve.model.ModelMetadata;

class ModelCatalogueTest {

    @TempDir
    Path tmp;

    private ModelCatalogue catalogue() throws IOException {
        Path bundled = tmp.resolve("assets/models");
        ModelStore.save(ModelStore.inMemory(ModelStoreTest.classifier(1), ModelStoreTest.metadata("tiny")), bundled.resolve("tiny-folder"));
        TfjsLayersFormat.write(ModelStoreTest.classifier(2), bundled.resolve("plain"));
        Files.createDirectories(bundled.resolve("not-a-model"));
        Path extra = tmp.resolve("mine");
        // Same id as a bundled model: the bundled one wins.
        ModelStore.save(ModelStore.inMemory(ModelStoreTest.classifier(3), ModelStoreTest.metadata("tiny")), extra.resolve("copy"));
        TfjsLayersFormat.write(ModelStoreTest.classifier(4), extra.resolve("own"));
        return new ModelCatalogue(bundled, List.of(extra, tmp.resolve("missing")));
    }

    @Test
    void listsBundledThenExtraModelsById() throws IOException {
        List<String> ids = catalogue().list().stream().map(ModelMetadata::id).toList();
        assertEquals(List.of("plain", "tiny", "own"), ids);
    }

    @Test
    void resolvesIdsFoldersAndModelJsonFiles() throws IOException {
        ModelCatalogue catalogue = catalogue();
        Model tiny = catalogue.resolve("tiny");
        assertEquals(tmp.resolve("assets/models/tiny-folder"), tiny.dir());
        assertEquals(List.of("cat", "dog", "bird"), tiny.metadata().labels());
        Path elsewhere = tmp.resolve("elsewhere");
        TfjsLayersFormat.write(ModelStoreTest.classifier(5), elsewhere);
        assertEquals("elsewhere", catalogue.resolve(elsewhere.toString()).id());
        assertEquals("elsewhere", catalogue.resolve(elsewhere.resolve("model.json").toString()).id());
    }

    @Test
    void unknownIdListsWhatExists() throws IOException {
        SieveException e = assertThrows(SieveException.class, () -> catalogue().resolve("resnet"));
        assertTrue(e.getMessage().contains("Unknown model 'resnet'. Available: plain, tiny, own."), e.getMessage());
        assertTrue(e.getMessage().contains("path to a folder holding model.json"), e.getMessage());
    }

    @Test
    void defaultFolderFollowsSieveHome() {
        String before = System.getProperty("sieve.home");
        try {
            System.setProperty("sieve.home", tmp.toString());
            assertEquals(tmp.resolve("assets/models"), ModelCatalogue.defaultFolder());
            System.clearProperty("sieve.home");
            assertEquals(Path.of(".", "assets", "models"), ModelCatalogue.defaultFolder());
        } finally {
            if (before != null) {
                System.setProperty("sieve.home", before);
            }
        }
    }
}
