package org.sieve.analysis;

import com.google.gson.JsonObject;
import org.sieve.metrics.InformationDiscarding;

/** The product's version, written into every result so old results can be recognised. */
public final class Version {

    public static final String SIEVE = "0.1.0";
    /** The fields {@link #stamp} writes. */
    public static final String SIEVE_FIELD = "sieveVersion";
    public static final String ENGINE_FIELD = "engineRevision";

    private Version() {
    }

    /**
     * Writes the product version and the engine revision that computed the results: the engine's
     * results can change within one product version, and a batch must not resume across that.
     */
    public static void stamp(JsonObject o) {
        o.addProperty(SIEVE_FIELD, SIEVE);
        o.addProperty(ENGINE_FIELD, InformationDiscarding.REVISION);
    }
}
