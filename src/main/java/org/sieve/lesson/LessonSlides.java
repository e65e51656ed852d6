package org.sieve.lesson;

import java.util.ArrayList;
import java.util.List;
import org.sieve.report.ComparisonSheet;
import org.sieve.report.SheetPanel;
import org.sieve.report.SheetSize;
import org.sieve.service.AnalysisService;
import org.sieve.service.JobResult;

/** A lesson's slides: each step's comparison sheet from its analyses (from the cache when prepared). */
public final class LessonSlides {

    private LessonSlides() {
    }

    public static List<Slide> of(Lesson lesson, StepRequests requests, AnalysisService service,
                                 Preparation.Progress progress, SheetSize size) {
        List<PanelRequest> panels = requests.all(lesson);
        List<JobResult> results = Preparation.prepare(panels, service, progress);
        List<Slide> slides = new ArrayList<>();
        int count = lesson.steps().size();
        for (int step = 1; step <= count; step++) {
            List<SheetPanel> sheet = new ArrayList<>();
            for (int i = 0; i < panels.size(); i++) {
                if (panels.get(i).step() == step) {
                    sheet.add(panels.get(i).sheet(results.get(i).analysis()));
                }
            }
            LessonStep s = lesson.steps().get(step - 1);
            slides.add(new Slide(lesson.title(), step, count, s.title(), s.caption(),
                    ComparisonSheet.render(sheet, s.view().style(), size)));
        }
        return slides;
    }
}
