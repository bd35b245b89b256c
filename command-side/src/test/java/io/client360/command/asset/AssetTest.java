package io.client360.command.asset;

import io.client360.kernel.ErrorCode;
import io.client360.kernel.asset.AssetCancelled;
import io.client360.kernel.asset.AssetCreated;
import io.client360.kernel.asset.AssetResumed;
import io.client360.kernel.asset.AssetSuspended;
import io.client360.kernel.asset.CancelAsset;
import io.client360.kernel.asset.CreateAsset;
import io.client360.kernel.asset.OfferType;
import io.client360.kernel.asset.ResumeAsset;
import io.client360.kernel.asset.SuspendAsset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.client360.command.Refusals.refusedWith;

class AssetTest {

    static final String ID = "asset-1";
    static final AssetCreated CREATED = new AssetCreated(ID, "acme", "contact-1", "account-1", "Studio",
            OfferType.SIMPLE, "Studio licence", "SN-1");

    private AggregateTestFixture<Asset> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Asset.class);
    }

    @Test
    void anAsset_isRegisteredActive() {
        fixture.givenNoPriorActivity()
                .when(new CreateAsset(ID, "acme", "contact-1", "account-1", "Studio", OfferType.SIMPLE,
                        "Studio licence", "SN-1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void anActiveAsset_isSuspended_andResumed() {
        fixture.given(CREATED)
                .when(new SuspendAsset(ID, "unpaid", null))
                .expectEvents(new AssetSuspended(ID, "unpaid"))
                .expectResultMessagePayload(1L);
        fixture.given(CREATED, new AssetSuspended(ID, "unpaid"))
                .when(new ResumeAsset(ID, null, null))
                .expectEvents(new AssetResumed(ID, null));
    }

    @Test
    void aSuspendedAsset_isNotSuspendedAgain_andAnActiveOneNotResumed() {
        fixture.given(CREATED, new AssetSuspended(ID, "unpaid"))
                .when(new SuspendAsset(ID, "again", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
        fixture.given(CREATED)
                .when(new ResumeAsset(ID, "why", null))
                .expectNoEvents()
                .expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }

    @Test
    void activeAndSuspendedAssets_areCancelled() {
        fixture.given(CREATED)
                .when(new CancelAsset(ID, "contract ended", null))
                .expectEvents(new AssetCancelled(ID, "contract ended"));
        fixture.given(CREATED, new AssetSuspended(ID, "unpaid"))
                .when(new CancelAsset(ID, "never paid", null))
                .expectEvents(new AssetCancelled(ID, "never paid"));
    }

    @Test
    void cancellingIsFinal_nothingSuspendsResumesOrCancelsAnInactiveAsset() {
        AssetCancelled cancelled = new AssetCancelled(ID, "contract ended");
        fixture.given(CREATED, cancelled).when(new ResumeAsset(ID, null, null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
        fixture.given(CREATED, cancelled).when(new SuspendAsset(ID, "x", null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
        fixture.given(CREATED, cancelled).when(new CancelAsset(ID, "x", null))
                .expectNoEvents().expectException(refusedWith(ErrorCode.INVALID_TRANSITION));
    }
}
