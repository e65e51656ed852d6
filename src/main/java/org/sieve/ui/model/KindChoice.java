package org.sieve.ui.model;

import org.sieve.image.RequestedRegion;

/**
 * What was chosen for one {@link InputKind} of model: its image (a file, or the drawing), the
 * region of it and the foreground; brought back when a model of that kind is chosen again.
 */
public record KindChoice(ImageSource image, RequestedRegion region, MaskSpec foreground) {
}
