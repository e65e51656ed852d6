package org.sieve.lesson;

import org.sieve.analysis.AnalysisRequest;
import org.sieve.report.SheetPanel;

/**
 * One panel of one step, ready for the analysis service.
 *
 * @param step    the step's number, from 1
 * @param label   "A", or "B" for a compared second panel
 * @param caption model and image, as the sheet titles the panel
 */
public record PanelRequest(int step, String label, String caption, AnalysisRequest request) {

    /** The panel on a comparison sheet, once its analysis is done. */
    public SheetPanel sheet(org.sieve.analysis.AnalysisResult result) {
        return new SheetPanel(label, caption, result);
    }
}
