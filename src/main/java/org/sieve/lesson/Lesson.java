package org.sieve.lesson;

import java.util.List;

/**
 * A lesson: a sequence of prepared views, each with a title and a caption, as a lecturer shows
 * them one after another (docs/lessons.md describes the file).
 *
 * @param title shown in lists and on the title of exported slides
 * @param steps at least one
 */
public record Lesson(String title, List<LessonStep> steps) {

    /** The format version written into every lesson file; a file of a later one is refused. */
    public static final int FORMAT = 1;

    public Lesson {
        steps = List.copyOf(steps);
    }

    /** The same lesson with other steps (added, removed, reordered or edited in the explorer). */
    public Lesson withSteps(List<LessonStep> changed) {
        return new Lesson(title, changed);
    }
}
