package io.client360.command.webhook;

import io.client360.platform.ids.Ids;
import io.client360.command.web.CommandDispatcher;
import io.client360.command.web.Creations;
import io.client360.command.web.Identified;
import io.client360.kernel.PublishedEvents;
import io.client360.kernel.webhook.SubscribeWebhook;
import io.client360.platform.web.InvalidRequestException;
import io.client360.platform.webhook.WebhookTargets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Base64;
import java.util.List;

/** Webhook subscriptions to the integration feed (ADMIN), signed the Standard Webhooks way. */
@RestController
@Tag(name = "Webhooks")
class WebhookController {

    private final CommandDispatcher commands;
    private final Creations creations;
    private final WebhookTargets targets;

    WebhookController(CommandDispatcher commands, Creations creations, WebhookTargets targets) {
        this.commands = commands;
        this.creations = creations;
        this.targets = targets;
    }

    @Schema(name = "SubscribeWebhookRequest")
    record Subscribe(@NotBlank @Size(max = 2000) String url,
                     @Size(max = 100) List<@NotBlank @Size(max = 100) String> types,
                     @NotBlank @Size(max = 200) @Pattern(regexp = "whsec_[A-Za-z0-9+/=]+",
                             message = "must be whsec_ followed by the base64 key") String secret) {
    }

    @Schema(name = "SubscribedWebhook")
    record Subscribed(String id, long version) implements Identified {
    }

    @PostMapping(path = "/api/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a URL to the feed's events (ADMIN); deliveries in feed order, signed with webhook-id, webhook-timestamp and webhook-signature")
    ResponseEntity<Subscribed> subscribe(@Valid @RequestBody Subscribe body) {
        SubscribeWebhook command = new SubscribeWebhook(Ids.random(), body.url().strip(),
                body.types() == null ? List.of() : body.types(), body.secret());
        commands.authorize(command);
        try {
            if (Base64.getDecoder().decode(body.secret().substring("whsec_".length())).length < 16) {
                throw new InvalidRequestException("secret", "must hold at least 16 key bytes");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("secret", "must be whsec_ followed by the base64 key");
        }
        PublishedEvents.firstUnknown(command.types()).ifPresent(unknown -> {
            throw new InvalidRequestException("types", "'" + unknown + "' is no event type");
        });
        targets.requireAllowed(command.url());
        return creations.create("/api/webhooks", command, String.class, id -> new Subscribed(id, 0));
    }
}
