package io.client360.query.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** What "now" is for reads that depend on it (days overdue, the 360's three-month window of cancelled assets). */
@Configuration(proxyBeanMethods = false)
class ReadClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
