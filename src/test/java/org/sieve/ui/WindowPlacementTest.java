package org.sieve.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens inside the screen it lands on, whatever was remembered. */
class WindowPlacementTest {

    private static final Rectangle2D PROJECTOR = new Rectangle2D(0, 0, 1280, 720);
    private static final Rectangle2D MONITOR = new Rectangle2D(1280, 0, 2560, 1440);

    @Test
    void aLargeRememberedWindowShrinksToTheProjector() {
        assertEquals(new Rectangle2D(0, 0, 1280, 720),
                WindowPlacement.fit(100, 50, 1440, 900, List.of(PROJECTOR), PROJECTOR));
    }

    @Test
    void aPlaceOnAScreenThatIsGoneMovesToThePrimaryOne() {
        assertEquals(new Rectangle2D(140, 10, 1000, 700),
                WindowPlacement.fit(3000, 900, 1000, 700, List.of(PROJECTOR), PROJECTOR), "centred there");
    }

    @Test
    void aWindowStaysOnItsScreenAndIsCentredWithoutAPlace() {
        assertEquals(new Rectangle2D(2840, 640, 1000, 800),
                WindowPlacement.fit(3300, 640, 1000, 800, List.of(PROJECTOR, MONITOR), PROJECTOR),
                "kept inside the monitor it was on");
        assertEquals(new Rectangle2D(140, 60, 1000, 600),
                WindowPlacement.fit(Double.NaN, Double.NaN, 1000, 600, List.of(PROJECTOR), PROJECTOR));
    }
}
