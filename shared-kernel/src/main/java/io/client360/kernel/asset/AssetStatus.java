package io.client360.kernel.asset;

/** ACTIVE ⇄ SUSPENDED, either → INACTIVE (cancelled, final). */
public enum AssetStatus {
    ACTIVE, SUSPENDED, INACTIVE
}
