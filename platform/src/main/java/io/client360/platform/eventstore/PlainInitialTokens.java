package io.client360.platform.eventstore;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;

import java.util.List;
import java.util.Optional;

/**
 * The token store, with a new processor starting from the first event as a plain stream instead of a replay.
 * <p>
 * Axon 4.13 starts a processor that has no token with a {@link ReplayToken} that lasts to the head of the store, so
 * that its handlers may tell a replay from live events. None of ours does: a projection or policy is the same
 * function of the events either way. The replay wrapping costs per event and processor all the same (a new token and a
 * new message per event, each handler asked whether it allows replays), and the wrapped stream cannot be told to skip
 * the events a processor has no handler for ({@link TypeSkippingStream}). So a processor's first token is the replay's
 * own starting point. A reset asked for on purpose stores its replay token through {@link #storeToken} and stays a
 * replay.
 */
public final class PlainInitialTokens implements TokenStore {

    private final TokenStore delegate;

    public PlainInitialTokens(TokenStore delegate) {
        this.delegate = delegate;
    }

    /** The token a new processor starts from: where a replay from its initial token would start. */
    static TrackingToken plain(TrackingToken initialToken) {
        return initialToken instanceof ReplayToken replay ? replay.lowerBound() : initialToken;
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        delegate.initializeTokenSegments(processorName, segmentCount, plain(initialToken));
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        delegate.initializeSegment(token, processorName, segment); // a segment split off: it goes on as its parent
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        delegate.storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return delegate.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        delegate.releaseClaim(processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        delegate.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() throws UnableToRetrieveIdentifierException {
        return delegate.retrieveStorageIdentifier();
    }
}
