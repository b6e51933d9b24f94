package org.rcm.requests.config;

import javax.xml.datatype.DatatypeFactory;

import org.springframework.context.annotation.Configuration;

/**
 * Jakarta Mail 2.1 looks up its stream provider with a {@link java.util.ServiceLoader} for every message, header
 * block and body part it reads or writes (jakartaee/mail-api#699, #861), and JAXP looks up its
 * {@link DatatypeFactory} for every timer the engine schedules: each lookup scans the class path's jars, and together
 * they were 4 % of the CPU in the lifecycle benchmark (docs/performance.md). Both look at a system property first:
 * naming the provider there skips the scan. A value given on the command line wins.
 */
@Configuration(proxyBeanMethods = false)
class ProviderLookups {

    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        pin(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        pin(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }

    private static void pin(String property, String provider) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, provider);
        }
    }
}
