package org.rcm.requests.reply;

import java.time.Instant;

import org.rcm.requests.mail.MailProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code reply/notice}: the pages of a valid link that takes no answer now, in the recipient's language, with the
 * request's reference and the Secretariat's address, and without the request's text.
 */
@Component
class ReplyNoticeView {

    static final String VIEW = "reply/notice";

    private final ReplyTexts texts;
    private final ReplyProperties properties;
    private final MailProperties mail;

    ReplyNoticeView(ReplyTexts texts, ReplyProperties properties, MailProperties mail) {
        this.texts = texts;
        this.properties = properties;
        this.mail = mail;
    }

    /** The link stopped taking answers: its recipient was closed, or the request ended, longer ago than the grace. */
    ModelAndView closed(ReplyCase reply, String token, String requestedLanguage) {
        ReplyTexts.Texts t = texts.in(ReplyTexts.choose(requestedLanguage, reply.language()));
        ModelAndView page = notice(HttpStatus.GONE, t, "reply.stopped", reply.reference(),
                reply.fromRecipient(t.language()), t.dateTime(reply.acceptsUntil()), mail.secretariatAddress());
        page.addObject("switchLang", other(t.language()));
        page.addObject("switchPath", ReplyPaths.PREFIX + token);
        return page;
    }

    /** The recipient posted as many answers in the last hour as a link takes; the next is taken from {@code retryAt}. */
    ModelAndView busy(ReplyCase reply, String token, Instant retryAt) {
        ReplyTexts.Texts t = texts.in(reply.language());
        ModelAndView page = notice(HttpStatus.TOO_MANY_REQUESTS, t, "reply.busy", properties.maxPostsPerHour(),
                t.dateTime(retryAt), mail.secretariatAddress(), reply.reference());
        page.addObject("formPath", ReplyPaths.PREFIX + token);
        return page;
    }

    private ModelAndView notice(HttpStatus status, ReplyTexts.Texts t, String key, Object... args) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("t", t);
        page.addObject("lang", t.language());
        page.addObject("titleKey", key + ".title");
        page.addObject("bodyKey", key + ".body");
        page.addObject("args", args);
        page.addObject("secretariatAddress", mail.secretariatAddress());
        return page;
    }

    private static String other(String language) {
        return "es".equals(language) ? "en" : "es";
    }
}
