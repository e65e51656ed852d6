package org.sieve.service;

import org.sieve.metrics.LayerResult;
import org.sieve.metrics.SigmaGrid;

/**
 * One layer's result as the cache keeps it, with the sigma grid it was computed on (needed when
 * every layer of a request comes from the cache). Foreground views and the envelope over depth
 * depend on the request, so they are recomputed on every use.
 */
record CachedLayer(LayerResult layer, SigmaGrid grid) {
}
