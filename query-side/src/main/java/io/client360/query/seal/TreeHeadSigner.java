package io.client360.query.seal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Signs the log's current size when no head covers it, every {@code client360.audit.tree-head-interval}. */
@Component
class TreeHeadSigner {

    private final SealedLog log;

    TreeHeadSigner(SealedLog log) {
        this.log = log;
    }

    @Scheduled(fixedDelayString = "${client360.audit.tree-head-interval:PT10S}")
    void signCurrentSize() {
        long size = log.size();
        if (size > 0 && log.latestHead().map(head -> head.size() < size).orElse(true)) {
            log.signHead(size);
        }
    }
}
