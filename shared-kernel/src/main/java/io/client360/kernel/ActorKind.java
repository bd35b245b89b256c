package io.client360.kernel;

/** Who caused a change: an agent (staff), a client contact, or the system itself (deadlines, policies). */
public enum ActorKind {
    AGENT, CONTACT, SYSTEM
}
