package io.client360.kernel.billing;

/** A bill unit of an account: what bills are issued to and payments taken against. */
public record BillUnit(String billUnitId, String name) {
}
