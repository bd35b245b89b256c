package io.client360.command.metrics;

import io.client360.kernel.DomainRuleViolation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Times every command the command bus handles, outermost of its interceptors: {@code client360.commands} tagged
 * with the command and its outcome ({@code accepted}, {@code refused} by a domain rule, {@code conflict} with a
 * concurrent write, {@code failed}). Its count per second is the command rate at {@code /actuator/prometheus}.
 */
@Component
@Order(-100)
public class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry meters;

    CommandMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            Object result = chain.proceed();
            outcome = "accepted";
            return result;
        } catch (DomainRuleViolation e) {
            outcome = "refused";
            throw e;
        } catch (ConcurrencyException e) {
            outcome = "conflict";
            throw e;
        } finally {
            sample.stop(Timer.builder("client360.commands").description("Commands handled, by command and outcome")
                    .tag("command", command).tag("outcome", outcome).register(meters));
        }
    }
}
