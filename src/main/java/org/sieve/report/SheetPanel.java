package org.sieve.report;

import org.sieve.analysis.AnalysisResult;

/**
 * One analysed panel on a comparison sheet.
 *
 * @param label short name for the legend and the row title, e.g. "A"
 * @param caption what was analysed, e.g. "LeNet-5 (MNIST) · 0-7.png"
 */
public record SheetPanel(String label, String caption, AnalysisResult result) {
}
