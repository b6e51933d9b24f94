package org.rcm.requests.mail.outbound;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message from {@code templates/mail/message.html} and {@code message.txt} in the recipient's language;
 * the texts of each kind come from {@code i18n/mail_es.properties} and {@code i18n/mail_en.properties}.
 * The subject is {@code [reference] prefix subject}, so that replies keep the reference.
 */
@Component
public class MailComposer {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailComposer() {
        messages.setBasename("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The model needs {@code reference} and {@code subject}, and whatever the kind's texts name. */
    public ComposedMail compose(MailKind kind, String language, Map<String, Object> model) {
        Locale locale = Locale.forLanguageTag(language);
        Context context = new Context(locale, model);
        context.setVariable("kind", kind.key());
        String prefix = messages.getMessage("mail." + kind.key() + ".subject-prefix", null, "", locale);
        String subject = "[" + model.get("reference") + "] " + (prefix.isBlank() ? "" : prefix.strip() + " ")
                + model.get("subject");
        return new ComposedMail(subject, engine.process("message.txt", context),
                engine.process("message.html", context));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setOrder(order);
        return resolver;
    }
}
