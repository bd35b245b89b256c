package io.client360.command.routing;

import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.RoutingMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Chooses the assignment group of a new inquiry from the command-side routing table:
 * (type, product), then type, then the sales fallback for SALES, then the default group.
 */
@Component
public class Router implements Routing {

    private final JdbcClient jdbc;
    private final RoutingProperties defaults;

    Router(JdbcClient jdbc, RoutingProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    @Override
    public RouteDecision route(InquiryType type, String product) {
        Optional<String> byProduct = product == null ? Optional.empty() : group(type, product);
        return byProduct.map(group -> new RouteDecision(group, RoutingMatch.TYPE_AND_PRODUCT))
                .or(() -> group(type, RoutingTableProjection.ANY_PRODUCT)
                        .map(group -> new RouteDecision(group, RoutingMatch.TYPE)))
                .orElseGet(() -> type == InquiryType.SALES
                        ? new RouteDecision(setting("sales_fallback", defaults.salesFallback()), RoutingMatch.SALES_FALLBACK)
                        : new RouteDecision(setting("default_group", defaults.defaultGroup()), RoutingMatch.DEFAULT_GROUP));
    }

    private Optional<String> group(InquiryType type, String product) {
        return jdbc.sql("SELECT assignment_group FROM routing_rule WHERE inquiry_type = ? AND product = ?")
                .params(type.name(), product)
                .query(String.class)
                .list().stream().findFirst();
    }

    private String setting(String column, String fallback) {
        return jdbc.sql("SELECT " + column + " FROM routing_setting WHERE id = 1")
                .query(String.class)
                .list().stream().filter(Objects::nonNull).findFirst()
                .orElse(fallback);
    }
}
