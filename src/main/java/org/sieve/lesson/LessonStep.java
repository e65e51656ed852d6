package org.sieve.lesson;

/**
 * One step of a lesson: what the lecturer shows, and what they say about it.
 *
 * @param title   one line, shown above the maps
 * @param caption a few sentences, shown under the title in large type
 * @param view    the models, images, layers and settings analysed for this step
 */
public record LessonStep(String title, String caption, StepView view) {

    public LessonStep withTitle(String changed) {
        return new LessonStep(changed, caption, view);
    }

    public LessonStep withCaption(String changed) {
        return new LessonStep(title, changed, view);
    }
}
