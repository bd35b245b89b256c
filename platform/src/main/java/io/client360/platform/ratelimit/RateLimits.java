package io.client360.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets (Bucket4j) per limit and key (a client address or a token subject), each refilled greedily over a
 * minute. The buckets of one limit are forgotten all at once when there are too many of them (a flood of
 * addresses), which only ever resets callers to a full bucket.
 */
public class RateLimits {

    static final int MAX_KEYS = 100_000;

    private final Map<String, Map<String, Bucket>> buckets = new ConcurrentHashMap<>();

    /**
     * Takes one request of {@code perMinute} from {@code key}'s bucket of {@code limit}: empty when allowed, else the
     * seconds to wait.
     */
    public OptionalLong take(String limit, String key, int perMinute) {
        ConsumptionProbe probe = bucket(limit, key, perMinute).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    /** The seconds until {@code key}'s bucket of {@code limit} has a request again, or empty if it has one now. */
    public OptionalLong exhausted(String limit, String key, int perMinute) {
        Map<String, Bucket> ofLimit = buckets.get(limit);
        Bucket bucket = ofLimit == null ? null : ofLimit.get(key);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill())
                .toSeconds() + 1));
    }

    private Bucket bucket(String limit, String key, int perMinute) {
        Map<String, Bucket> ofLimit = buckets.computeIfAbsent(limit, name -> new ConcurrentHashMap<>());
        if (ofLimit.size() > MAX_KEYS) {
            ofLimit.clear();
        }
        return ofLimit.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
