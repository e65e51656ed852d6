package org.sieve.service;

import org.sieve.Sha256;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.Arrays;
import org.sieve.metrics.LayerResult;
import org.sieve.metrics.SigmaGrid;

/**
 * The text of a cache entry: a header line with the SHA-256 of the body, then the body as JSON
 * (key, layer result, grid). Decoding checks everything, so a partial, corrupt or foreign entry
 * is rejected rather than trusted.
 */
final class CacheEntry {

    private static final String MAGIC = "sieve-cache " + CacheKeys.FORMAT + " ";
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

    private CacheEntry() {
    }

    static String encode(String key, CachedLayer entry) {
        JsonObject body = new JsonObject();
        body.addProperty("key", key);
        body.add("layer", GSON.toJsonTree(entry.layer().withForeground(null)));
        body.add("grid", GSON.toJsonTree(SeparableGrid.of(entry.grid())));
        return withHeader(GSON.toJson(body));
    }

    /** The header line that vouches for {@code body}, then the body. */
    static String withHeader(String body) {
        return MAGIC + Sha256.ofText(body) + "\n" + body;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the entry; a body that passed the
     *                                  checksum but is still malformed fails with another runtime exception
     */
    static CachedLayer decode(String key, String text) {
        int newline = text.indexOf('\n');
        require(text.startsWith(MAGIC) && newline == MAGIC.length() + 64, "unknown header");
        String body = text.substring(newline + 1);
        require(text.substring(MAGIC.length(), newline).equals(Sha256.ofText(body)), "checksum mismatch");
        JsonObject json = GSON.fromJson(body, JsonObject.class);
        require(key.equals(json.get("key").getAsString()), "entry of another key");
        LayerResult layer = GSON.fromJson(json.get("layer"), LayerResult.class);
        SigmaGrid grid = GSON.fromJson(json.get("grid"), SeparableGrid.class).toGrid();
        require(layer.name() != null && layer.ok() && fits(layer.sigma(), grid) && fits(layer.entropyMap(), grid),
                "incomplete layer result");
        return new CachedLayer(layer, grid);
    }

    private static boolean fits(float[][] map, SigmaGrid grid) {
        if (map == null || map.length != grid.rows()) {
            return false;
        }
        for (float[] row : map) {
            if (row == null || row.length != grid.columns()) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * A sigma grid stored as one cell index per input row and per input column: nearest-neighbour
     * upsampling is separable, so this is exact and far smaller than a cell per pixel.
     */
    record SeparableGrid(int rows, int columns, int height, int width, int[] rowCells, int[] columnCells) {

        static SeparableGrid of(SigmaGrid g) {
            int[] rowCells = new int[g.height()];
            int[] columnCells = new int[g.width()];
            for (int y = 0; y < g.height(); y++) {
                rowCells[y] = g.cellOfPixel()[y * g.width()] / g.columns();
            }
            for (int x = 0; x < g.width(); x++) {
                columnCells[x] = g.cellOfPixel()[x] % g.columns();
            }
            SeparableGrid s = new SeparableGrid(g.rows(), g.columns(), g.height(), g.width(), rowCells, columnCells);
            if (!Arrays.equals(s.toGrid().cellOfPixel(), g.cellOfPixel())) {
                throw new IllegalStateException("a nearest-neighbour sigma grid is always separable");
            }
            return s;
        }

        SigmaGrid toGrid() {
            require(rowCells.length == height && columnCells.length == width, "grid size mismatch");
            int[] cells = new int[height * width];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    require(rowCells[y] >= 0 && rowCells[y] < rows && columnCells[x] >= 0 && columnCells[x] < columns,
                            "grid cell out of range");
                    cells[y * width + x] = rowCells[y] * columns + columnCells[x];
                }
            }
            return new SigmaGrid(rows, columns, height, width, cells);
        }
    }
}
