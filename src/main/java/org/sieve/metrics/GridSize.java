package org.sieve.metrics;

import java.util.Locale;

/**
 * The shape of the sigma grid as a setting: rows x columns, or auto (the model's recommended
 * grid, else one cell per pixel up to 32x32 and 16x16 beyond). Written {@code RxC} (e.g.
 * {@code 16x16}) or {@code auto} on the command line, in the explorer and in the saved state.
 */
public record GridSize(int rows, int columns) {

    public static final GridSize AUTO = new GridSize(0, 0);

    public GridSize {
        if (rows < 0 || columns < 0 || (rows == 0) != (columns == 0)) {
            throw new IllegalArgumentException("A sigma grid is auto (0x0) or has positive rows and columns, got "
                    + rows + "x" + columns + ".");
        }
    }

    public boolean auto() {
        return rows == 0;
    }

    /** @throws IllegalArgumentException for text that is neither {@code auto} nor {@code RxC} with positive numbers */
    public static GridSize parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        String[] parts = t.split("x", -1);
        if (parts.length == 2) {
            try {
                int rows = Integer.parseInt(parts[0].strip());
                int columns = Integer.parseInt(parts[1].strip());
                if (rows >= 1 && columns >= 1) {
                    return new GridSize(rows, columns);
                }
            } catch (NumberFormatException e) {
                // The message below says what is expected.
            }
        }
        throw new IllegalArgumentException("The sigma grid must be 'auto' or ROWSxCOLUMNS with positive whole"
                + " numbers, e.g. 16x16; got '" + text + "'.");
    }

    @Override
    public String toString() {
        return auto() ? "auto" : rows + "x" + columns;
    }
}
