package io.client360.command.webhook;

import io.client360.platform.web.InvalidRequestException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs a webhook may call: http or https to a public address. Private, loopback, link-local (cloud metadata),
 * any-local and multicast addresses are refused unless {@code client360.webhooks.allowed-hosts} names the host: a
 * subscription must not turn the server into a way into its own network.
 */
@Component
public class WebhookTargets {

    private final Set<String> allowedHosts;

    WebhookTargets(@Value("${client360.webhooks.allowed-hosts:}") String allowedHosts) {
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses a URL the server may not call (400 WEBHOOK_TARGET_REFUSED). */
    public void requireAllowed(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw refused("is no URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getUserInfo() != null) {
            throw refused("must be an http or https URL with a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    throw refused("points to a private, loopback or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            throw refused("names a host that does not resolve");
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which InetAddress does not call site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    private static InvalidRequestException refused(String why) {
        return new InvalidRequestException("url", why, io.client360.kernel.ErrorCode.WEBHOOK_TARGET_REFUSED);
    }
}
