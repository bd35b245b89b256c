package io.client360.kernel.asset;

/** What an asset is: one product, or a bundle of services sold as one. */
public enum OfferType {
    SIMPLE, SERVICE_BUNDLE
}
