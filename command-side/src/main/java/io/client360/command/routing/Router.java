package io.client360.command.routing;

import io.client360.kernel.inquiry.InquiryType;
import io.client360.kernel.inquiry.RoutingMatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

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

    /**
     * In one statement: the rule for the type and product, the rule for the type, and the setting that applies when
     * neither exists (the sales fallback for SALES, else the default group), in that order. Read one by one they were
     * three statements for most new inquiries.
     */
    @Override
    public RouteDecision route(InquiryType type, String product) {
        boolean sales = type == InquiryType.SALES;
        List<String[]> found = jdbc.sql("SELECT 0 AS choice, assignment_group FROM routing_rule "
                        + "WHERE inquiry_type = ? AND product = ? "
                        + "UNION ALL SELECT 1, assignment_group FROM routing_rule "
                        + "WHERE inquiry_type = ? AND product = ? "
                        + "UNION ALL SELECT 2, " + (sales ? "sales_fallback" : "default_group")
                        + " FROM routing_setting WHERE id = 1 ORDER BY 1")
                .params(type.name(), product == null ? "" : product, type.name(), RoutingTableProjection.ANY_PRODUCT)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .list().stream().filter(choice -> choice[1] != null).toList();
        if (!found.isEmpty() && !"2".equals(found.get(0)[0])) {
            return new RouteDecision(found.get(0)[1],
                    "0".equals(found.get(0)[0]) ? RoutingMatch.TYPE_AND_PRODUCT : RoutingMatch.TYPE);
        }
        String group = found.isEmpty() ? (sales ? defaults.salesFallback() : defaults.defaultGroup()) : found.get(0)[1];
        return new RouteDecision(group, sales ? RoutingMatch.SALES_FALLBACK : RoutingMatch.DEFAULT_GROUP);
    }
}
