package io.client360.command.contract;

import io.client360.command.web.Identified;

/** What creating a contract answers. */
public record CreatedContract(String id, long version) implements Identified {
}
