package io.client360.kernel;

/** Keys of the metadata every command and event carries. */
public final class MetadataKeys {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_KIND = "actorKind";
    /** Comma-separated staff roles of the actor (AGENT, SUPERVISOR, ADMIN); commands only, not stored on events. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** {@code api} on commands sent by the HTTP edge on behalf of a token's subject; internal commands have none. */
    public static final String ORIGIN = "origin";
    public static final String API_ORIGIN = "api";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REQUEST_HASH = "requestHash";
    /** The aggregate an update with an Idempotency-Key changes: its response is recorded with the events. */
    public static final String IDEMPOTENT_UPDATE_OF = "idempotentUpdateOf";

    public static final String SYSTEM_ACTOR = "system";

    private MetadataKeys() {
    }
}
