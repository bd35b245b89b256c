package io.client360.platform.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers (of commands, events and other messages) from {@link Ids}, found by Axon through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory}: its default draws each from the JDK's one
 * shared generator, several per command.
 */
public class PerThreadIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return Ids.random();
    }
}
