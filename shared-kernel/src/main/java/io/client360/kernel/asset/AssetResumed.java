package io.client360.kernel.asset;

/** A SUSPENDED asset is ACTIVE again; {@code reason} may be null. */
public record AssetResumed(String assetId, String reason) implements AssetEvent {
}
