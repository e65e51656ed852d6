package org.sieve.model;

import java.nio.file.Path;
import java.util.Objects;
import org.sieve.network.Network;

/**
 * A network with its metadata and identity.
 *
 * @param dir    the folder it was loaded from, or null for a model built in memory
 * @param sha256 SHA-256 over model.json and its shards in manifest order, as lowercase hex;
 *               identifies the exact network, e.g. for caching results
 */
public record Model(Network network, ModelMetadata metadata, Path dir, String sha256) {

    public Model {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(sha256, "sha256");
    }

    public String id() {
        return metadata.id();
    }
}
