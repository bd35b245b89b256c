package io.client360.kernel.asset;

/** An ACTIVE asset was suspended, for the reason given. */
public record AssetSuspended(String assetId, String reason) implements AssetEvent {
}
