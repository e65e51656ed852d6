package org.sieve.ui.model;

import javafx.beans.binding.Bindings;

/**
 * Keeps panel B in step with panel A in compare mode: whatever the compare kind shares (the
 * image with its crop and foreground, the model, the layers) is bound both ways, so a change in
 * either panel shows in both.
 */
final class CompareSync {

    private final PanelState a;
    private final PanelState b;
    private CompareKind bound;

    CompareSync(PanelState a, PanelState b) {
        this.a = a;
        this.b = b;
    }

    /** Binds for {@code kind}, or unbinds everything when null. */
    void apply(CompareKind kind) {
        if (bound != null) {
            unbind(bound);
        }
        bound = kind;
        if (kind == null) {
            return;
        }
        if (kind.sharesModel()) {
            b.model().bindBidirectional(a.model());
        }
        if (kind.sharesImage()) {
            b.image().bindBidirectional(a.image());
            b.resizeMode().bindBidirectional(a.resizeMode());
            b.maskSpec().bindBidirectional(a.maskSpec());
        }
        if (kind.sharesLayers()) {
            Bindings.bindContentBidirectional(b.selectedLayers(), a.selectedLayers());
        }
    }

    private void unbind(CompareKind kind) {
        if (kind.sharesModel()) {
            b.model().unbindBidirectional(a.model());
        }
        if (kind.sharesImage()) {
            b.image().unbindBidirectional(a.image());
            b.resizeMode().unbindBidirectional(a.resizeMode());
            b.maskSpec().unbindBidirectional(a.maskSpec());
        }
        if (kind.sharesLayers()) {
            Bindings.unbindContentBidirectional(b.selectedLayers(), a.selectedLayers());
        }
    }
}
