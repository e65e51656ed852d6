package org.sieve.lesson;

import java.awt.image.BufferedImage;

/**
 * One exported page: a step's title and caption above its comparison sheet.
 *
 * @param lesson the lesson's title, in the page's foot
 * @param number the step's number, from 1
 * @param count  how many steps the lesson has
 * @param sheet  the step's comparison sheet, embedded at its own resolution
 */
public record Slide(String lesson, int number, int count, String title, String caption, BufferedImage sheet) {
}
