package io.client360.platform.webhook;

import io.client360.platform.web.InvalidRequestException;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs a webhook may call: http or https to a public address. Private, loopback, link-local (cloud metadata),
 * any-local and multicast addresses are refused unless {@code client360.webhooks.allowed-hosts} names the host: a
 * subscription must not turn the server into a way into its own network. The write side checks a URL when it is
 * subscribed, the read side again before each delivery: a name that resolved to a public address then may resolve to
 * a private one later (DNS rebinding). The delivery's own lookup follows the check within the JVM's address cache
 * (30 s by default), so it meets the address just checked.
 */
public class WebhookTargets {

    private final Set<String> allowedHosts;

    public WebhookTargets(String allowedHosts) {
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(String::strip).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Refuses a URL the server may not call (400 WEBHOOK_TARGET_REFUSED). */
    public void requireAllowed(String url) {
        refusal(url).ifPresent(why -> {
            throw new InvalidRequestException("url", why, io.client360.kernel.ErrorCode.WEBHOOK_TARGET_REFUSED);
        });
    }

    /** Why the server may not call this URL now, if it may not. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("is no URL");
        }
        if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must be an http or https URL with a host and no credentials");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    return Optional.of("points to a private, loopback or link-local address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    /** IPv6 unique local addresses (fc00::/7), which InetAddress does not call site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
