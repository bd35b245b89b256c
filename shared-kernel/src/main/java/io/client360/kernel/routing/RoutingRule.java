package io.client360.kernel.routing;

import io.client360.kernel.inquiry.InquiryType;

/** Routes inquiries of a type (and, when given, a product) to an assignment group. */
public record RoutingRule(InquiryType type, String product, String assignmentGroup) {
}
