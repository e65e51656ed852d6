package org.sieve.spark;

import java.io.Serializable;

/**
 * One unfinished image of a batch, as a Spark task receives it.
 *
 * @param image relative to the images folder
 * @param dir   the folder its results go to
 */
record ImageTask(String image, String dir) implements Serializable {
}
