package io.client360.kernel;

/** Keys of the metadata every command and event carries. */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_KIND = "actorKind";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";

    public static final String SYSTEM_ACTOR = "system";

    private MetadataKeys() {
    }
}
