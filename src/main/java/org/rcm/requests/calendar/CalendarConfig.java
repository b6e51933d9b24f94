package org.rcm.requests.calendar;

import org.rcm.requests.directory.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The holidays, read once at start-up (a file with a problem stops the start, naming its line), and the
 * {@code workingDays} bean over them and the directory's calendars.
 */
@Configuration(proxyBeanMethods = false)
class CalendarConfig {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfig.class);

    @Bean
    Holidays holidays(CalendarProperties properties) {
        Holidays holidays = HolidayFile.read(properties.holidaysFile());
        LOG.info("Holidays of {} countries from {}", holidays.countries().size(), holidays.source());
        if (!holidays.unchecked().isEmpty()) {
            LOG.warn("The holidays of {} in {} are still to be checked by the Secretariat (checked: false)",
                    String.join(", ", holidays.unchecked()), holidays.source());
        }
        return holidays;
    }

    @Bean
    WorkingDays workingDays(Holidays holidays, Directory directory) {
        return new WorkingDays(holidays, directory::calendarOf);
    }
}
