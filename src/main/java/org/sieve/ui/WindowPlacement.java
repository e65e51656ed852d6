package org.sieve.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the window opens: the remembered place and size, kept on the screen it opens on, so a
 * window saved on a large monitor still fits a projector's 1280x720 and never opens off screen.
 */
final class WindowPlacement {

    private WindowPlacement() {
    }

    /**
     * @param x,y        the remembered top-left corner, or NaN for none (then centred on the primary screen)
     * @param screens    the screens' usable bounds
     * @param primary    the screen to use when the remembered place lies on none of them
     */
    static Rectangle2D fit(double x, double y, double width, double height, List<Rectangle2D> screens,
                           Rectangle2D primary) {
        Rectangle2D screen = primary;
        boolean placed = false;
        if (Double.isFinite(x) && Double.isFinite(y)) {
            // The screen the window's centre was on; none (unplugged since): centred on the primary one.
            double cx = x + width / 2;
            double cy = y + height / 2;
            for (Rectangle2D s : screens) {
                if (s.contains(cx, cy)) {
                    screen = s;
                    placed = true;
                    break;
                }
            }
        }
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        double left = placed ? clamp(x, screen.getMinX(), screen.getMaxX() - w)
                : screen.getMinX() + (screen.getWidth() - w) / 2;
        double top = placed ? clamp(y, screen.getMinY(), screen.getMaxY() - h)
                : screen.getMinY() + (screen.getHeight() - h) / 2;
        return new Rectangle2D(left, top, w, h);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
