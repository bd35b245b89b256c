package io.client360.platform.ids;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Axon's identifiers (of commands, events, results and other messages), found by Axon through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}: its default draws each from the JDK's one
 * shared generator, behind one lock. These must be unique, not secret (an event's id names it in the store and the
 * feed; none grants anything), and Axon draws one for every handler's result too (a rebuild's profile: 2 % of the
 * query side's CPU in {@code GenericResultMessage}'s id from a per-thread {@code DRBG}). So each thread draws version
 * 4 UUIDs from its own {@code L64X128MixRandom} (192 bits of state), seeded once from {@link SecureRandom}. The ids of
 * our own aggregates and requests stay unpredictable ({@link Ids}).
 */
public class PerThreadIdentifierFactory extends IdentifierFactory {

    private static final ThreadLocal<RandomGenerator> GENERATOR = ThreadLocal.withInitial(() -> {
        byte[] seed = new byte[24];
        new SecureRandom().nextBytes(seed);
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    });

    @Override
    public String generateIdentifier() {
        RandomGenerator random = GENERATOR.get();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // the IETF variant
        return new UUID(high, low).toString();
    }
}
