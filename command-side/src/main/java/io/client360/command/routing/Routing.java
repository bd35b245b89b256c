package io.client360.command.routing;

import io.client360.kernel.inquiry.InquiryType;

/** Decides which assignment group a new inquiry goes to. */
@FunctionalInterface
public interface Routing {

    RouteDecision route(InquiryType type, String product);
}
