package org.sieve.ui.model;

/** What dragging on an input image does. */
public enum MaskTool {
    /** Nothing: the image is only shown. */
    NONE,
    /** Drag a foreground rectangle. */
    RECTANGLE,
    /** Paint foreground. */
    BRUSH,
    /** Paint background (erase painted foreground). */
    ERASER
}
