package io.client360.kernel.asset;

/** Registers an asset of a client; {@code billingAccountId} and {@code identifier} are optional. */
public record CreateAsset(String assetId,
                          String clientId,
                          String primaryContactId,
                          String billingAccountId,
                          String product,
                          OfferType offerType,
                          String name,
                          String identifier) {
}
