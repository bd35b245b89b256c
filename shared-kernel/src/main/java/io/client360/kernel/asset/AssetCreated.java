package io.client360.kernel.asset;

/**
 * An asset of a client was registered, ACTIVE: its primary party contact, the billing account it is billed on (or
 * null), its product, offer type, name and serial or identifier (or null).
 */
public record AssetCreated(String assetId,
                           String clientId,
                           String primaryContactId,
                           String billingAccountId,
                           String product,
                           OfferType offerType,
                           String name,
                           String identifier) implements AssetEvent {
}
