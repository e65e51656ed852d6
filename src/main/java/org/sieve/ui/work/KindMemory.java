package org.sieve.ui.work;

import java.nio.file.Path;
import java.util.function.Function;
import org.sieve.ui.model.ImageSource;
import org.sieve.ui.model.InputKind;
import org.sieve.ui.model.KindChoice;
import org.sieve.ui.model.LoadedModel;
import org.sieve.ui.model.PanelState;

/**
 * Keeps a panel's input with the kind of model it was chosen for ({@link PanelState#choiceByKind()}):
 * switching from a digit model to a photo model puts the digit's image, region and foreground
 * aside and brings back the photo model's (a sample of its kind the first time), and switching
 * back brings the digit back. An image the user opened while the new model was being read wins
 * over the remembered one, so "open this model and this photo" shows that photo. Also brings back
 * each model's own fitting (stretch or centre crop).
 */
public final class KindMemory {

    private final PanelState panel;
    private final Function<InputKind, Path> firstSample;
    private final java.util.function.Consumer<Path> open;
    private final java.util.function.BooleanSupplier shared;
    private long modelAsked;
    private long imageChosen;

    /**
     * @param firstSample the sample image a model of a kind starts on, or null where there is none
     * @param open        opens an image file in this panel (in the background)
     * @param shared      whether the panel's input is shared with the other panel now, and so stays
     */
    public KindMemory(PanelState panel, Function<InputKind, Path> firstSample, java.util.function.Consumer<Path> open,
                      java.util.function.BooleanSupplier shared) {
        this.panel = panel;
        this.firstSample = firstSample;
        this.open = open;
        this.shared = shared;
        panel.image().addListener(o -> imageChosen = System.nanoTime());
        panel.resizeMode().addListener((o, was, mode) -> {
            LoadedModel m = panel.model().get();
            if (m != null) {
                panel.resizeByModel().put(m.id(), mode);
            }
        });
        panel.model().addListener((o, was, now) -> switched(was, now));
    }

    /** A model was asked for in this panel; it arrives later. */
    public void modelAsked() {
        modelAsked = System.nanoTime();
    }

    private void switched(LoadedModel was, LoadedModel now) {
        if (now == null) {
            return;
        }
        var fitting = panel.resizeByModel().get(now.id());
        if (fitting != null) {
            panel.resizeMode().set(fitting);
        }
        if (was == null || InputKind.of(was.metadata()) == InputKind.of(now.metadata()) || shared.getAsBoolean()) {
            return;
        }
        InputKind left = InputKind.of(was.metadata());
        InputKind kind = InputKind.of(now.metadata());
        boolean openedMeanwhile = imageChosen > modelAsked && modelAsked > 0;
        ImageSource current = panel.image().get();
        panel.choiceByKind().put(left, new KindChoice(openedMeanwhile ? null : current, panel.region().get(),
                panel.maskSpec().get()));
        KindChoice back = panel.choiceByKind().get(kind);
        panel.maskSpec().set(back == null ? kind.firstForeground() : back.foreground());
        if (openedMeanwhile) {
            return;
        }
        if (back != null && back.image() != null) {
            panel.image().set(back.image());
            panel.region().set(back.region());
        } else {
            Path sample = firstSample.apply(kind);
            if (sample != null) {
                open.accept(sample);
            }
        }
    }
}
