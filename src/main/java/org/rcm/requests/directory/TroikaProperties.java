package org.rcm.requests.directory;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The three member countries of the Troika (pro tempore presidency, previous and next), by ISO code.
 * It changes every year, so it is configuration: {@code app.troika.countries}.
 */
@Validated
@ConfigurationProperties("app.troika")
public record TroikaProperties(@Size(min = 1, message = "app.troika.countries must name at least one country")
                               List<String> countries) {

    public TroikaProperties {
        countries = countries == null ? List.of() : countries.stream().map(String::toUpperCase).toList();
    }
}
