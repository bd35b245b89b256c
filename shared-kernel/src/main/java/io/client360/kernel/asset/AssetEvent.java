package io.client360.kernel.asset;

/** Every fact recorded about an asset. */
public sealed interface AssetEvent permits AssetCreated, AssetSuspended, AssetResumed, AssetCancelled {

    String assetId();
}
