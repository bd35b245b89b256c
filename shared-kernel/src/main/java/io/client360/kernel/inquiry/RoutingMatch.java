package io.client360.kernel.inquiry;

/** Which routing rule chose an inquiry's assignment group. */
public enum RoutingMatch {
    TYPE_AND_PRODUCT, TYPE, SALES_FALLBACK, DEFAULT_GROUP
}
