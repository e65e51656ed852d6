package org.sieve.service;

import org.sieve.Sha256;
import com.google.gson.Gson;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sieve.analysis.AnalysisRequest;
import org.sieve.analysis.Version;
import org.sieve.image.PreparedImage;
import org.sieve.metrics.InformationDiscarding;
import org.sieve.metrics.Metric;
import org.sieve.network.format.DecoderIndex;

/**
 * Cache keys of one request's layers: SHA-256 over everything a layer's result depends on. The
 * image is identified by its prepared pixels, not its file, so a copy or a re-encoding with the
 * same pixels hits; the mask is not part of the key because foreground views are derived from the
 * cached entropy map on every use.
 */
final class CacheKeys {

    /** Raise when the entry layout or the meaning of a stored value changes. */
    static final int FORMAT = 2;

    private static final Gson GSON = new Gson();

    private final String common;

    private CacheKeys(String common) {
        this.common = common;
    }

    static CacheKeys of(AnalysisRequest req) {
        PreparedImage image = req.image();
        Map<String, Object> preprocessing = new LinkedHashMap<>(image.preprocessing());
        preprocessing.remove("source");
        // Records print every component, so a setting added later changes the key by itself.
        return new CacheKeys("sieve-layer-cache " + FORMAT
                + "\nengine " + Version.SIEVE + " revision " + InformationDiscarding.REVISION
                + "\nmetric " + req.settings().metric().id()
                + (req.settings().metric() == Metric.RECONSTRUCTION_UNCERTAINTY
                        ? "\ndecoders " + DecoderIndex.fingerprint(req.model()) : "")
                + "\nmodel " + req.model().sha256()
                + "\npixels " + pixelHash(image)
                + "\npreprocessing " + GSON.toJson(preprocessing)
                + "\nsettings " + req.settings()
                + "\nlayer ");
    }

    String forLayer(String layer) {
        return Sha256.ofText(common + layer);
    }

    /** Of the shape and the exact float values the engine sees. */
    static String pixelHash(PreparedImage image) {
        float[] pixels = image.pixels();
        ByteBuffer bytes = ByteBuffer.allocate(12 + 4 * pixels.length);
        bytes.putInt(image.height()).putInt(image.width()).putInt(image.channels());
        bytes.asFloatBuffer().put(pixels);
        MessageDigest d = Sha256.newDigest();
        d.update(bytes.array());
        return Sha256.hex(d);
    }
}
