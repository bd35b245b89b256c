package io.client360.kernel.asset;

/** An asset was cancelled: INACTIVE, for good. */
public record AssetCancelled(String assetId, String reason) implements AssetEvent {
}
