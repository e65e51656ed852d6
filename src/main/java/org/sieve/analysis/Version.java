package org.sieve.analysis;

/** The product's version, written into every result so old results can be recognised. */
public final class Version {

    public static final String SIEVE = "0.1.0";

    private Version() {
    }
}
