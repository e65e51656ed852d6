package org.sieve.ui.model;

/**
 * What the user answered for a model file without sieve.json, remembered per file.
 *
 * @param normalization a preset name or MEAN/STD, as {@link org.sieve.model.PixelNormalization#parse} reads it
 * @param labels        "imagenet", the path of a labels file, or null for none
 */
public record FileModelSettings(String normalization, String labels) {
}
